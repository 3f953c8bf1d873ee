using KubeInject.Tests.Golden;
using PublicApiGenerator;
using static KubeInject.Tests.Golden.Verifier;

namespace KubeInject.Tests;

/// <summary>
/// Guards the library's public surface (System.CommandLine's approval test). When the API changes on purpose,
/// rerun with <c>KUBEINJECT_ACCEPT=1</c> and review the diff of <c>PublicApiTests.Library_api_is_not_changed.verified.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public async Task Library_api_is_not_changed()
    {
        var api = typeof(KubeInject.Reading.ManifestReader).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // The attributes list changes with build settings (e.g. TargetFramework, InternalsVisibleTo), not with the API.
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        });

        await Verify(api);
    }

    [Fact]
    public void No_snapshot_of_this_class_is_dangling() =>
        Assert.Empty(DanglingSnapshots.FindForTestClass(typeof(PublicApiTests)));
}
