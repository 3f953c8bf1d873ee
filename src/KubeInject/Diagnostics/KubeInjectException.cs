namespace KubeInject.Diagnostics;

/// <summary>What kind of failure a <see cref="KubeInjectException"/> reports; the CLI maps it to an exit code.</summary>
public enum ErrorKind
{
    /// <summary>The input (a manifest, values, mesh config, template) is malformed or refused.</summary>
    BadInput,
    /// <summary>A file the caller named does not exist.</summary>
    MissingInput,
    /// <summary>A request that makes no sense (unknown version, bad option value).</summary>
    Usage,
}

/// <summary>The one exception type the library throws for bad input; it always says where.</summary>
public sealed class KubeInjectException : Exception
{
    /// <summary>Creates an error at a location.</summary>
    public KubeInjectException(string message, SourceLocation? location = null, ErrorKind kind = ErrorKind.BadInput, Exception? inner = null)
        : base(message, inner)
    {
        Location = location;
        Kind = kind;
    }

    /// <summary>Where the problem is, when known.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The kind of failure.</summary>
    public ErrorKind Kind { get; }

    /// <summary><c>location: message</c>.</summary>
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}
