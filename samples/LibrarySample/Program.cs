using KubeInject;

// Inject Istio's sidecar into a manifest (file given as argument, else stdin), print the result and a report.
string text = args.Length > 0 ? File.ReadAllText(args[0]) : Console.In.ReadToEnd();
var injector = new Injector(new InjectionOptions { IstioVersion = "1.23" });
var result = injector.Inject(text, args.Length > 0 ? args[0] : "stdin");
Console.Write(result.Output);
foreach (var w in result.Workloads)
    Console.Error.WriteLine($"{w.DisplayName}: {(w.Injected ? "injected " + w.ProxyImage : w.SkipMessage)}");
