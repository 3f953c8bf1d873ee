using KubeInject.Tests.Conformance;

namespace KubeInject.Tests.Uninjection;

/// <summary>
/// Re-injection is an upgrade: injecting a manifest that already carries a sidecar must give what injecting the
/// original gives (compare.py's rules), whatever settings or version the first injection used. Over every injectable
/// corpus input.
/// </summary>
public sealed class ReinjectionTests
{
    /// <summary>
    /// (first injection's version, its <c>global.tag</c> or null for the version's default, re-injection's version).
    /// Another pair is one line, e.g. <c>("1.22.4", null, "1.23.0")</c> or <c>("1.23.0", null, "1.29.6")</c>.
    /// </summary>
    private static readonly (string From, string? FromTag, string To)[] VersionPairs =
    [
        ("1.23.0", "1.22.4", "1.23.0"),
        ("1.22.4", "1.22.4", "1.23.0"),
        ("1.23.0", "1.23.0", "1.29.6"),
    ];

    private const string NoCorpus = "(shared conformance corpus not found)";

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (from, tag, to) in VersionPairs)
        {
            var cases = CorpusSettings.Injectable(to).ToList();
            if (cases.Count == 0) data.Add(from, tag ?? "", to, NoCorpus);
            foreach (var c in cases) data.Add(from, tag ?? "", to, c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reinjecting_equals_injecting_the_original(string from, string fromTag, string to, string caseId)
    {
        if (caseId == NoCorpus) Assert.Skip($"../shared/conformance not found: {ConformanceCorpus.SearchedPlaces}");
        var c = ConformanceCorpus.Cases(to).Single(x => x.Id == caseId);
        string input = File.ReadAllText(c.InputPath);

        var first = new Injector(CorpusSettings.For(c, from, fromTag.Length == 0 ? null : fromTag)).Inject(input, c.InputPath);
        var target = new Injector(CorpusSettings.For(c, to));
        var direct = target.Inject(input, c.InputPath);
        var again = target.Inject(first.Output, c.InputPath);

        var diffs = SemanticComparer.Compare(direct.Output, again.Output);
        Assert.True(diffs.Count == 0, $"{caseId}: re-injection differs from a direct injection:\n{SemanticComparer.Format(diffs)}");
        Assert.Equal(direct.Workloads.Select(w => w.Injected), again.Workloads.Select(w => w.Injected));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reinjecting_with_the_same_settings_changes_nothing(string from, string fromTag, string to, string caseId)
    {
        _ = (from, fromTag);
        if (caseId == NoCorpus) Assert.Skip($"../shared/conformance not found: {ConformanceCorpus.SearchedPlaces}");
        var c = ConformanceCorpus.Cases(to).Single(x => x.Id == caseId);
        var injector = new Injector(CorpusSettings.For(c, to));
        var once = injector.Inject(File.ReadAllText(c.InputPath), c.InputPath);
        var twice = injector.Inject(once.Output, c.InputPath);
        Assert.Equal(once.Output, twice.Output);
    }
}
