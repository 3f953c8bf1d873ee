namespace KubeInject.Tests.Golden;

/// <summary>Thrown when a snapshot is new, differs from its verified file, or has wrong line ends.</summary>
public sealed class VerifyException : Exception
{
    /// <summary>Creates the exception with the full failure message (paths and diff).</summary>
    /// <param name="message">The failure message.</param>
    public VerifyException(string message)
        : base(message)
    {
    }
}
