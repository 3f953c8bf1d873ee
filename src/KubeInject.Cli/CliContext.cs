namespace KubeInject.Cli;

/// <summary>The process surroundings a command may use; tests pass their own.</summary>
/// <param name="Stdin">Standard input.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="Environment">Environment variables.</param>
internal sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, IReadOnlyDictionary<string, string> Environment)
{
    public static CliContext FromProcess()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
            env[(string)e.Key] = (string?)e.Value ?? "";
        // Redirected input is read as bytes and decoded strictly (not UTF-8 is refused, as in files); a terminal stays Console.In.
        return new CliContext(Console.IsInputRedirected ? InputFile.OpenStdin() : Console.In, Console.Out, Console.Error, env);
    }
}
