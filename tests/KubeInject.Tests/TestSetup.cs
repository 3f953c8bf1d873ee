using System.Runtime.CompilerServices;
using KubeInject.Reading;
using KubeInject.Rendering;

namespace KubeInject.Tests;

internal static class TestSetup
{
    /// <summary>Every template any test renders is parsed by YamlDotNet too, and the fast parser must agree.</summary>
    [ModuleInitializer]
    internal static void HoldTheFastParserToYamlDotNet() => YamlFragment.VerifyFastParser = true;
}
