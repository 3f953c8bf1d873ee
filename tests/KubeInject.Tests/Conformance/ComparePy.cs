using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace KubeInject.Tests.Conformance;

/// <summary>Runs the corpus' own compare.py (python3 + PyYAML) on pairs of texts, to check our port against it.</summary>
internal static class ComparePy
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Why compare.py cannot run here, or null when it can.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>
    /// compare.py's compare_streams for many pairs in one python process (python starts slowly, over a second here).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Differences(IReadOnlyList<(string Expected, string Actual)> pairs)
    {
        string input = JsonSerializer.Serialize(pairs.Select(p => new[] { p.Expected, p.Actual }));
        var (code, stdout, stderr) = Run(input, "-c", BatchScript, Script);
        if (code != 0) throw new InvalidOperationException($"compare.py batch exited {code}: {stderr}");
        return JsonSerializer.Deserialize<List<List<string>>>(stdout)!;
    }

    // Imports compare.py as a module and prints a JSON list of difference lists.
    private const string BatchScript = """
        import importlib.util, json, sys
        spec = importlib.util.spec_from_file_location("compare", sys.argv[1])
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        pairs = json.load(sys.stdin)
        print(json.dumps([m.compare_streams(e.encode("utf-8"), a.encode("utf-8")) for e, a in pairs]))
        """;

    // compare.py is not copied into the repository (the corpus copy is data only): it is read from the shared folder.
    private static string Script => Path.Combine(ConformanceCorpus.SharedFolder()!, "compare.py");

    private static string? Probe()
    {
        if (ConformanceCorpus.SharedFolder() is null) return "shared/conformance (compare.py) not found beside the repository";
        try
        {
            var (code, _, stderr) = Run("", "-c", "import yaml");
            return code == 0 ? null : "python3 has no PyYAML: " + stderr;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "python3 not found: " + e.Message;
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        psi.StandardInputEncoding = new UTF8Encoding(false);
        using var p = Process.Start(psi)!;
        var writer = Task.Run(() => { p.StandardInput.Write(stdin); p.StandardInput.Close(); });
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        writer.Wait();
        return (p.ExitCode, stdout, stderr.Result);
    }
}
