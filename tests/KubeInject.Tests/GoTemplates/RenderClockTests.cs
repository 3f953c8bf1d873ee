using KubeInject.Tests.Cli;
using KubeInject.Tests.Rendering;

namespace KubeInject.Tests.GoTemplates;

/// <summary>
/// sprig's <c>now</c> is read from the caller's clock (<see cref="InjectionOptions.Clock"/>): with a fixed clock a
/// template that stamps the date renders the same pod on every run.
/// </summary>
public sealed class RenderClockTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            return now;
        }
    }

    // A second template, selected beside the sidecar through inject.istio.io/templates, that stamps the render's date.
    private const string Stamp = "metadata:\n  annotations:\n    example.com/rendered: {{ now | date \"2006-01-02\" | quote }}\n    example.com/zone: {{ now | date \"MST -0700\" | quote }}\n";

    private static string Inject(TimeProvider clock) =>
        new Injector(new InjectionOptions { Clock = clock, Templates = new InlineTemplates(new() { ["stamp"] = Stamp }) })
            .Inject(Manifests.Deployment(podAnnotations: "        inject.istio.io/templates: sidecar,stamp\n"), "app.yaml").Output;

    [Fact]
    public void Now_is_the_callers_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2031, 2, 3, 23, 30, 0, TimeSpan.FromHours(-5)));
        var output = Inject(clock);
        // 23:30 at -05:00 is the next day in UTC, the zone the injector's pod renders in (Go prints UTC's name).
        Assert.Contains("example.com/rendered: \"2031-02-04\"", output);
        Assert.Contains("example.com/zone: UTC +0000\n", output);
        Assert.True(clock.Reads > 0);
        Assert.Equal(output, Inject(clock));
    }

    [Fact]
    public void The_default_clock_is_the_system_clock() => Assert.Same(TimeProvider.System, new InjectionOptions().Clock);
}
