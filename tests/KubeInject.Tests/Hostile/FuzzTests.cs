using System.Text;
using CsCheck;
using KubeInject.Checking;
using KubeInject.Diagnostics;
using KubeInject.Reading;
using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Hostile;

/// <summary>
/// A mutation fuzzer (CsCheck) over manifests: inputs are corpus and repository manifests with random edits
/// (characters and YAML tokens inserted, ranges deleted, lines duplicated, swapped and re-indented, CRLF and BOM
/// variants) and manifests generated from pieces. Each goes through injection, uninjection and <c>check</c>:
/// <list type="bullet">
/// <item>nothing but <see cref="KubeInjectException"/> (the documented error) is thrown;</item>
/// <item>the output parses and has as many documents as the input;</item>
/// <item>documents without an injected or uninjected workload come out byte-identical;</item>
/// <item>a second run over the output changes nothing (a fixed point).</item>
/// </list>
/// <c>dotnet test</c> runs a fixed sample (<see cref="DefaultIterations"/> inputs from a fixed seed, the same on every
/// run); <c>KUBEINJECT_FUZZ_ITERATIONS=N</c> runs N random ones (README, "Fuzzing"), where CsCheck shrinks a failure
/// and prints its seed, to replay with <c>KUBEINJECT_FUZZ_SEED</c>.
/// </summary>
public sealed class FuzzTests
{
    private const int DefaultIterations = 200;

    private static readonly Injector Injector = new(new InjectionOptions());
    private static readonly Uninjector Uninjector = new(new InjectionOptions());
    private static readonly InjectionChecker Checker = new(new CheckOptions());

    private static readonly Lazy<string[]> Seeds = new(LoadSeeds);

    // Tokens that make YAML mean something else, or nothing: indicators, anchors and aliases, tags, line breaks
    // of every kind, a BOM, non-ASCII, and Kubernetes keys injection reads.
    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!int ", "!t ", "? ", "|", ">-", "#", " #c",
        "'", "\"", "\\", "\n", "\r\n", "\r", "\t", "  ", "    ", "---\n", "...\n", "%YAML 1.1\n", "\uFEFF", "é", "😀", "\u0085",
        "~", "null", "true", "0x1F", "1e3", "{{ .Values.x }}", "<<: *a\n", "containers: x\n", "containers: {}\n",
        "annotations: [a]\n", "sidecar.istio.io/inject: \"false\"", "sidecar.istio.io/status: '{bad'",
        "sidecar.istio.io/status: '{\"containers\":[\"istio-proxy\"],\"initContainers\":[]}'", "kind: Pod\n", "kind: List\nitems:\n",
        "- name: istio-proxy\n", "hostNetwork: true\n", "namespace: kube-system\n",
    ];

    private static bool LongRun => Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_ITERATIONS") is { Length: > 0 };

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : DefaultIterations;

    private static string? Seed => Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    [Fact]
    public void Mutated_and_generated_manifests_are_processed_or_refused_never_mangled()
    {
        var mutated = Gen.Select(Gen.Int[0, Seeds.Value.Length - 1], Mutation.Array[0, 5], (i, edits) => Apply(Seeds.Value[i], edits));
        var generated = Gen.Int[0, 1 << 20].Array[1, 80].Select(Generate);
        var input = Gen.Frequency((3, mutated), (1, generated));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        // dotnet test: the same inputs on every run (a fixed seed), so it is not flaky. A long run: a random seed,
        // every input run even after a failure, failures grouped by kind; each prints the PCG state that replays it
        // (KUBEINJECT_FUZZ_SEED runs that one input). The process id in the stream keeps processes started together
        // (one per core) on different inputs.
        var pcg = Seed is { } replay ? PCG.Parse(replay) : LongRun ? new PCG((uint)(Environment.TickCount ^ (Environment.ProcessId << 16)), (ulong)DateTime.UtcNow.Ticks) : new PCG(1, 20261202);
        int count = Seed is null ? Iterations : 1;
        var failures = new List<(string Kind, string State, string Message)>();
        int done = 0;
        for (; done < count && !PastDeadline(); done++)
        {
            if (done > 0 && done % ProgressEvery == 0) Log($"{done} inputs in {watch.Elapsed.TotalSeconds:F0} s, {failures.Count} failed");
            string state = pcg.ToString();
            string text = input.Generate(pcg, null, out _);
            try
            {
                Property(text);
            }
            catch (Exception e)
            {
                string kind = e.Message.Split('\n')[0];
                kind = kind.Length > 120 ? kind[..120] : kind;
                if (LongRun && !failures.Exists(f => f.Kind == kind)) Log($"new kind: {kind} (KUBEINJECT_FUZZ_SEED={state})");
                failures.Add((kind, state, $"input {done} (KUBEINJECT_FUZZ_SEED={state}): {e.GetType().Name}: {e.Message}{Show(text)}"));
                if (!LongRun) break;
            }
        }
        var summary = $"fuzz: {done} inputs in {watch.Elapsed.TotalSeconds:F1} s, {failures.Count} failed"
            + string.Concat(failures.GroupBy(f => f.Kind).Select(g =>
                $"\n  {g.Count()} x {g.Key} (KUBEINJECT_FUZZ_SEED={string.Join(", ", g.Take(5).Select(f => f.State))})"));
        TestContext.Current.SendDiagnosticMessage(summary);
        Log(summary);
        if (failures.Count > 0) Assert.Fail(summary + "\n\nfirst failure: " + failures[0].Message);
    }

    // A long run's progress and summary also go to KUBEINJECT_FUZZ_LOG (appended), so a run in the background can be
    // watched, and KUBEINJECT_FUZZ_UNTIL (a UTC time, "2026-12-02T06:40Z") ends it early with its summary.
    private const int ProgressEvery = 10_000;

    private static readonly DateTime? Until =
        DateTime.TryParse(Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_UNTIL"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var until) ? until : null;

    private static bool PastDeadline() => Until is { } until && DateTime.UtcNow >= until;

    private static void Log(string line)
    {
        if (Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_LOG") is { Length: > 0 } path)
            File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss} {line}\n");
    }

    [Fact]
    public void The_committed_seeds_are_found_and_pass_unmutated()
    {
        var committed = CommittedSeeds();
        Assert.True(committed.Count >= 10, $"{committed.Count} seeds");
        foreach (var seed in committed) Property(seed);
    }

    private static string Show(string text) => "\n--- input ---\n" + text.Replace("\r", "\\r", StringComparison.Ordinal) + "\n--- end ---";

    // ---- the property ----

    private static void Property(string text)
    {
        // The input is parsed for the comparison once, and only when a step changed it.
        var before = new Lazy<List<ManifestDocument>>(() => ManifestReader.Read(text, "in.yaml").ToList());
        RoundTrip("inject", text, before, t => Injector.Inject(t, "fuzz.yaml"));
        RoundTrip("uninject", text, before, t => Uninjector.Uninject(t, "fuzz.yaml"));
        try
        {
            _ = Checker.Check([new ManifestInput(text, "fuzz.yaml")]).Findings.Count();
        }
        catch (KubeInjectException)
        {
            // Refused input, reported with its location: allowed.
        }
    }

    private static void RoundTrip(string what, string text, Lazy<List<ManifestDocument>> input, Func<string, InjectionResult> step)
    {
        InjectionResult first;
        try
        {
            first = step(text);
        }
        catch (KubeInjectException)
        {
            return;
        }
        // Unchanged: the output is the input, which the step has just read, and a second run is the first one again.
        if (first.Output == text) return;
        var before = input.Value;
        List<ManifestDocument> after;
        try
        {
            after = ManifestReader.Read(first.Output, "out.yaml").ToList();
        }
        catch (KubeInjectException e)
        {
            Dump(what, text, first.Output, null);
            throw new InvalidOperationException($"{what}: the output does not parse: {e}\n--- output ---\n{first.Output}");
        }
        if (before.Count != after.Count)
            throw new InvalidOperationException($"{what}: {before.Count} documents in, {after.Count} out\n--- output ---\n{first.Output}");
        var touched = first.Workloads.Where(w => w.Injected || w.Uninjected).Select(w => w.Location.Document).ToHashSet();
        for (int i = 0; i < before.Count; i++)
            if (!touched.Contains(i) && before[i].Text != after[i].Text)
                throw new InvalidOperationException($"{what}: document {i + 1} has no changed workload but its text changed\n--- output ---\n{first.Output}");
        InjectionResult second;
        try
        {
            second = step(first.Output);
        }
        catch (KubeInjectException e)
        {
            throw new InvalidOperationException($"{what}: its own output is refused: {e}\n--- output ---\n{first.Output}");
        }
        if (second.Output != first.Output)
        {
            Dump(what, text, first.Output, second.Output);
            throw new InvalidOperationException($"{what}: a second run changes the output again\n--- first ---\n{first.Output}\n--- second ---\n{second.Output}");
        }
    }

    // A replay (KUBEINJECT_FUZZ_SEED) with KUBEINJECT_FUZZ_DUMP=DIR writes the failing input and outputs byte for byte
    // (the test log shows them, but not their carriage returns or trailing blanks).
    private static void Dump(string what, string input, string first, string? second)
    {
        if (Environment.GetEnvironmentVariable("KUBEINJECT_FUZZ_DUMP") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, $"{what}.input.yaml"), input);
        File.WriteAllText(Path.Combine(dir, $"{what}.first.yaml"), first);
        if (second is not null) File.WriteAllText(Path.Combine(dir, $"{what}.second.yaml"), second);
    }

    // ---- mutations ----

    private sealed record Edit(int Kind, double At, double Length, int Token);

    private static readonly Gen<Edit> Mutation =
        Gen.Select(Gen.Int[0, 7], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Tokens.Length - 1], (k, a, l, t) => new Edit(k, a, l, t));

    private static string Apply(string seed, Edit[] edits)
    {
        var text = seed;
        foreach (var e in edits)
        {
            int at = (int)(e.At * text.Length);
            var lines = text.Split('\n').ToList();
            int line = Math.Min((int)(e.At * lines.Count), lines.Count - 1);
            int other = Math.Min((int)(e.Length * lines.Count), lines.Count - 1);
            switch (e.Kind)
            {
                case 0 or 1:
                    text = text.Insert(at, Tokens[e.Token]);
                    break;
                case 2:
                    text = text.Remove(at, Math.Min(text.Length - at, (int)(e.Length * 12)));
                    break;
                case 3:
                    lines.Insert(line, lines[line]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    text = string.Join('\n', lines);
                    break;
                case 5:
                    lines[line] = new string(' ', (int)(e.Length * 8)) + lines[line].TrimStart(' ');
                    text = string.Join('\n', lines);
                    break;
                case 6:
                    text = text.ReplaceLineEndings("\r\n");
                    break;
                default:
                    lines.RemoveAt(line);
                    text = string.Join('\n', lines);
                    break;
            }
        }
        return text;
    }

    // ---- generated manifests ----

    private static readonly string[] Kinds = ["Deployment", "Pod", "StatefulSet", "DaemonSet", "Job", "CronJob", "ConfigMap", "Service", "List"];

    private static readonly string[] Scalars =
    [
        "web", "\"quoted\"", "'single'", "8080", "true", "null", "~", "\"\"", "a b", "1.5", "-1", "é", "\"a\\nb\"", "x # comment",
        "&anchor v", "*anchor", "!!str 1", "|\n  block\n  text", ">-\n  folded", "[a, b]", "{a: b}", "[]", "{}",
    ];

    private static string Generate(int[] choices)
    {
        int n = 0;
        int Next(int bound) => choices[n++ % choices.Length] % bound;
        var sb = new StringBuilder();
        int documents = 1 + Next(3);
        for (int d = 0; d < documents; d++)
        {
            if (d > 0 || Next(4) == 0) sb.Append("---\n");
            if (Next(5) == 0) sb.Append("# a comment\n");
            string kind = Kinds[Next(Kinds.Length)];
            sb.Append(Next(8) == 0 ? "apiVersion: v1\n" : "apiVersion: apps/v1\n").Append("kind: ").Append(kind).Append('\n');
            sb.Append("metadata:\n  name: w").Append(d).Append('\n');
            if (Next(3) == 0) sb.Append("  namespace: ").Append(Next(6) == 0 ? "kube-system" : "ns").Append('\n');
            string pod = kind switch
            {
                "Pod" => "",
                "CronJob" => "      ",
                _ => "  ",
            };
            if (kind is "ConfigMap" or "Service" or "List")
            {
                sb.Append(kind == "List" ? "items:\n" : "data:\n");
                if (kind == "List")
                {
                    sb.Append("- apiVersion: v1\n  kind: Pod\n  metadata: {name: item}\n  spec:\n    containers:\n    - name: c\n      image: i\n");
                    continue;
                }
                int entries = Next(4);
                for (int i = 0; i < entries; i++) sb.Append("  k").Append(i).Append(": ").Append(Scalars[Next(Scalars.Length)]).Append('\n');
                continue;
            }
            sb.Append("spec:\n");
            if (kind == "CronJob") sb.Append("  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n");
            if (kind != "Pod") sb.Append(pod).Append("template:\n");
            string inner = kind == "Pod" ? "" : pod + "  ";
            if (kind == "Pod" && Next(2) == 0) sb.Length = sb.ToString().LastIndexOf("spec:\n", StringComparison.Ordinal);
            if (Next(2) == 0)
            {
                if (kind == "Pod") sb.Append("metadata:\n  annotations:\n");
                else sb.Append(inner).Append("metadata:\n").Append(inner).Append("  annotations:\n");
                int annotations = 1 + Next(3);
                string[] keys = ["sidecar.istio.io/inject", "proxy.istio.io/config", "prometheus.io/port", "traffic.sidecar.istio.io/includeInboundPorts", "note"];
                string[] values = ["\"true\"", "\"false\"", "\"8080\"", "\"*\"", "'{\"holdApplicationUntilProxyStarts\": true}'", "hello", "\"\""];
                var used = new HashSet<int>();
                for (int i = 0; i < annotations; i++)
                    if (used.Add(Next(keys.Length) is var k ? k : 0))
                        sb.Append(inner).Append("    ").Append(keys[k]).Append(": ").Append(values[Next(values.Length)]).Append('\n');
            }
            if (kind == "Pod" && !sb.ToString().EndsWith("spec:\n", StringComparison.Ordinal)) sb.Append("spec:\n");
            if (kind != "Pod") sb.Append(inner).Append("spec:\n");
            string s = inner + "  ";
            if (Next(6) == 0) sb.Append(s).Append("hostNetwork: ").Append(Next(2) == 0 ? "true" : "false").Append('\n');
            int containers = 1 + Next(3);
            sb.Append(s).Append("containers:\n");
            for (int c = 0; c < containers; c++)
            {
                sb.Append(s).Append("- name: c").Append(c).Append('\n').Append(s).Append("  image: ").Append(Scalars[Next(4)]).Append('\n');
                if (Next(3) == 0) sb.Append(s).Append("  ports:\n").Append(s).Append("  - containerPort: ").Append(80 + Next(9000)).Append('\n');
                if (Next(3) == 0) sb.Append(s).Append("  readinessProbe:\n").Append(s).Append("    httpGet: {path: /, port: ").Append(80 + Next(100)).Append("}\n");
                if (Next(4) == 0) sb.Append(s).Append("  env:\n").Append(s).Append("  - {name: X, value: ").Append(Scalars[Next(Scalars.Length)].Split('\n')[0]).Append("}\n");
            }
        }
        string text = sb.ToString();
        if (Next(6) == 0) text = text.ReplaceLineEndings("\r\n");
        if (Next(8) == 0) text = "\uFEFF" + text;
        if (Next(8) == 0) text = text.TrimEnd('\n');
        return text;
    }

    // ---- seeds ----

    // The repository's manifests (committed, so the fuzzer runs without the corpus), the corpus inputs when present,
    // and CRLF variants of the committed ones.
    private static List<string> CommittedSeeds()
    {
        string root = Cli.CliSandbox.RepoRoot();
        var files = new List<string>();
        files.AddRange(Directory.GetFiles(Path.Combine(root, "tests", "KubeInject.Tests", "Hostile", "FuzzSeeds"), "*.yaml"));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "tests", "KubeInject.Tests", "Cases"), "*.yaml", SearchOption.AllDirectories));
        files.AddRange(Directory.GetFiles(Path.Combine(root, "samples"), "*.yaml"));
        return files.Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    }

    private static string[] LoadSeeds()
    {
        var committed = CommittedSeeds();
        var seeds = new List<string>(committed);
        seeds.AddRange(committed.Select(t => t.ReplaceLineEndings("\r\n")));
        if (ConformanceCorpus.Folder is { } corpus)
            foreach (var dir in Directory.GetDirectories(corpus, "istio-*").Order(StringComparer.Ordinal))
                if (Directory.Exists(Path.Combine(dir, "cases")))
                    seeds.AddRange(Directory.GetFiles(Path.Combine(dir, "cases"), "input.yaml", SearchOption.AllDirectories)
                        .Order(StringComparer.Ordinal).Select(File.ReadAllText));
        return [.. seeds];
    }
}
