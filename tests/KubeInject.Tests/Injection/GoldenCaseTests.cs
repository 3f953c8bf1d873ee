using KubeInject.Tests.Golden;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests.Injection;

/// <summary>
/// Golden cases: every <c>Cases/&lt;name&gt;/input.yaml</c> is injected with the bundled 1.23.0 defaults and
/// compared with <c>Cases/&lt;name&gt;/injected.verified.yaml</c>. Accept new output with <c>KUBEINJECT_ACCEPT=1</c>.
/// </summary>
public class GoldenCaseTests
{
    public static TheoryData<string> Cases() => new(CasePaths.CaseNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_input_injects_to_its_verified_output(string name)
    {
        var result = new Injector(new InjectionOptions()).Inject(CasePaths.Input(name), $"Cases/{name}/input.yaml");
        Assert.True(result.Changed, "every case is expected to inject at least one workload");
        await Verify(result.Output, "yaml").UseDirectory($"../Cases/{name}").UseFileName("injected");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_verified_output_is_a_fixed_point_of_injection(string name)
    {
        var verified = CasePaths.Verified(name);
        var again = new Injector(new InjectionOptions()).Inject(verified, "injected.verified.yaml");
        Assert.Equal(verified.TrimStart('\uFEFF'), again.Output.TrimStart('\uFEFF'));
    }

    [Fact]
    public void The_bundled_samples_and_at_least_three_hand_written_cases_are_present()
    {
        var names = CasePaths.CaseNames();
        Assert.Contains("httpbin", names);
        Assert.Contains("sleep", names);
        Assert.True(names.Count >= 5, $"cases: {string.Join(", ", names)}");
    }

    [Fact]
    public void No_verified_file_in_cases_lacks_a_matching_input()
    {
        var root = CasePaths.CasesFolder();
        Assert.Empty(DanglingSnapshots.Find(root, stem => IsCaseOutput(root, stem)));
    }

    [Fact]
    public void The_stale_golden_check_flags_orphans_and_misnamed_files_but_not_real_cases()
    {
        var root = Directory.CreateTempSubdirectory("kubeinject-cases-").FullName;
        try
        {
            void Write(string relative)
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "x");
            }
            Write("good/input.yaml");
            Write("good/injected.verified.yaml");
            Write("orphan/injected.verified.yaml");
            Write("good/other.verified.yaml");
            Write("good/nested/injected.verified.yaml");
            Write("top.verified.yaml");
            Assert.Equal(
                ["good/nested/injected.verified.yaml", "good/other.verified.yaml", "orphan/injected.verified.yaml", "top.verified.yaml"],
                DanglingSnapshots.Find(root, stem => IsCaseOutput(root, stem)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A used stem is <c>&lt;case&gt;/injected</c> where <c>&lt;case&gt;/input.yaml</c> exists.</summary>
    private static bool IsCaseOutput(string root, string stem)
    {
        var slash = stem.LastIndexOf('/');
        return slash > 0 && stem[(slash + 1)..] == "injected" && !stem[..slash].Contains('/')
            && File.Exists(Path.Combine(root, stem[..slash], "input.yaml"));
    }

    [Fact]
    public void No_received_file_is_left_in_cases()
    {
        var root = CasePaths.CasesFolder();
        var received = Directory.EnumerateFiles(root, "*.received.*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p)).ToList();
        Assert.Empty(received);
    }
}
