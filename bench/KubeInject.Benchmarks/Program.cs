using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

// bench helper: `generate N FILE` writes an N-workload bundle; `floor FILE OUT` is the practical floor of any
// .NET YAML tool: a YamlDotNet load + save of the same input.
return args switch
{
    ["generate", var n, var file] => Generate(int.Parse(n, CultureInfo.InvariantCulture), file),
    ["patch", var n, var file] => Patch(int.Parse(n, CultureInfo.InvariantCulture), file),
    ["floor", var input, var output] => Floor(input, output),
    ["steady", var input, var rounds] => Steady(input, int.Parse(rounds, CultureInfo.InvariantCulture), 1),
    ["steady", var input, var rounds, var parallelism] => Steady(input, int.Parse(rounds, CultureInfo.InvariantCulture), int.Parse(parallelism, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate N FILE | patch N FILE | floor INPUT OUTPUT | steady INPUT ROUNDS [PARALLELISM]");
    return 64;
}

static int Generate(int n, string file)
{
    using var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
    for (int i = 0; i < n; i++)
    {
        w.Write($"""
# workload {i}: an HTTP service with probes
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: team-{i % 10}
  labels:
    app: app-{i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-{i}
  template:
    metadata:
      labels:
        app: app-{i}
        version: v1
    spec:
      containers:
        - name: app
          image: "registry.example.com/app:{i % 7}.0" # pinned
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: http
          livenessProbe:
            tcpSocket:
              port: 8080
            periodSeconds: 10
          volumeMounts:
            - name: config
              mountPath: /etc/app
      volumes:
        - name: config
          configMap:
            name: app-{i}
---
apiVersion: v1
kind: Service
metadata:
  name: app-{i}
  namespace: team-{i % 10}
spec:
  selector:
    app: app-{i}
  ports:
    - name: http
      port: 80
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-{i}
  namespace: team-{i % 10}
data:
  # application settings
  app.properties: |
    greeting=hello {i}
    timeout=30s
---

""");
    }
    return 0;
}

// A strategic-merge patch per Deployment that adds a sidecar like injection does, for kustomize.
static int Patch(int n, string file)
{
    using var w = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16);
    for (int i = 0; i < n; i++)
    {
        w.Write($"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-{i}
  namespace: team-{i % 10}
spec:
  template:
    metadata:
      labels:
        security.istio.io/tlsMode: istio
      annotations:
        sidecar.istio.io/status: '{"{"}"containers":["istio-proxy"]{"}"}'
    spec:
      containers:
        - name: istio-proxy
          image: docker.io/istio/proxyv2:1.23.0
          args: [proxy, sidecar]
          ports:
            - containerPort: 15090
              name: http-envoy-prom
      volumes:
        - name: istio-envoy
          emptyDir:
            medium: Memory
---

""");
    }
    return 0;
}

static int Floor(string input, string output)
{
    var stream = new YamlStream();
    using (var r = new StreamReader(input)) stream.Load(r);
    using (var w = new StreamWriter(output)) stream.Save(w, assignAnchors: false);
    return 0;
}

// In-process injection of the same input ROUNDS times: the first round pays for JIT, the later ones show the
// steady-state cost (what a long-running host of the library sees). With PARALLELISM > 1 documents are edited on
// worker threads as the CLI does; "caller" is the CPU time of the thread that reads the input and writes the output
// (Linux only), which says whether that thread, not the workers, bounds the run.
static int Steady(string input, int rounds, int parallelism)
{
    var text = File.ReadAllText(input);
    var injector = new KubeInject.Injector(new KubeInject.InjectionOptions { Parallelism = parallelism });
    for (int r = 0; r < rounds; r++)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        double caller = CallerCpuSeconds();
        var pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes();
        int collections = GC.CollectionCount(0);
        using (var reader = new StringReader(text))
        {
            var summary = injector.Inject(reader, input, TextWriter.Null);
            var cpuUsed = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"round {r + 1}: {clock.Elapsed.TotalSeconds:F2} s wall, {cpuUsed.TotalSeconds:F2} s cpu " +
                $"(caller thread {CallerCpuSeconds() - caller:F2} s), GC pauses {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s, " +
                $"{GC.CollectionCount(0) - collections} gen0 GCs, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576} MB allocated, " +
                $"JIT so far {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods), {summary.Workloads.Count} workloads");
        }
    }
    return 0;
}

// utime + stime of the calling thread, from /proc (clock ticks of 10 ms); NaN where there is no /proc.
static double CallerCpuSeconds()
{
    try
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
    catch (IOException)
    {
        return double.NaN;
    }
}
