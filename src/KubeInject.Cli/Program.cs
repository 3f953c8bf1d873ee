using KubeInject.Cli;

return KubeInjectApp.Run(args, CliContext.FromProcess());
