namespace KubeInject.Go;

/// <summary>hashicorp/go-multierror's default list format, which Istio's error messages show verbatim.</summary>
internal static class MultiError
{
    /// <summary>
    /// <c>1 error occurred:\n\t* a\n\n</c> or <c>2 errors occurred:\n\t* a\n\t* b\n\n</c>.
    /// </summary>
    public static string Format(IReadOnlyList<string> errors) => errors.Count == 1
        ? $"1 error occurred:\n\t* {errors[0]}\n\n"
        : $"{errors.Count} errors occurred:\n\t{string.Join("\n\t", errors.Select(e => "* " + e))}\n\n";
}
