using KubeInject.Tests.Injection;

namespace KubeInject.Tests.Samples;

/// <summary>The golden inputs for the samples are copies of <c>samples/*.yaml</c>; they must not drift apart.</summary>
public class SampleCaseTests
{
    [Theory]
    [InlineData("httpbin")]
    [InlineData("sleep")]
    public void The_case_input_is_an_exact_copy_of_the_repository_sample(string name)
    {
        var sample = File.ReadAllText(Path.Combine(CasePaths.SamplesFolder(), name + ".yaml"));
        Assert.Equal(sample, CasePaths.Input(name));
    }

    [Theory]
    [InlineData("httpbin", "Deployment default/httpbin")]
    [InlineData("sleep", "Deployment default/sleep")]
    public void Each_sample_has_exactly_one_workload_and_it_is_injected(string name, string displayName)
    {
        var result = new Injector(new InjectionOptions()).Inject(CasePaths.Input(name), name + ".yaml");
        var report = Assert.Single(result.Workloads);
        Assert.Equal(displayName, report.DisplayName);
        Assert.True(report.Injected);
        Assert.Equal(Versions.BundledVersions.DefaultProxyImage, report.ProxyImage);
    }

    [Theory]
    [InlineData("httpbin")]
    [InlineData("sleep")]
    public void The_service_account_and_service_of_each_sample_come_out_byte_identical(string name)
    {
        var input = CasePaths.Input(name);
        var cut = input.IndexOf("---\napiVersion: apps/v1\nkind: Deployment", StringComparison.Ordinal);
        Assert.True(cut > 0);
        var output = new Injector(new InjectionOptions()).Inject(input, name + ".yaml").Output;
        Assert.Equal(input[..cut], output[..cut]);
    }
}
