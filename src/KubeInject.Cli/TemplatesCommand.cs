using System.CommandLine;
using KubeInject.Diagnostics;

namespace KubeInject.Cli;

/// <summary><c>kube-inject templates convert FILE</c>: prints the Scriban translation KubeInject runs for a Go template (or every template of an injector config).</summary>
internal sealed class TemplatesCommand(CliContext context)
{
    private readonly Argument<string> _file = new("file") { Description = "A Go template, or an injector config (istio-sidecar-injector data.config); - for stdin." };

    public Command Build()
    {
        var templates = new Command("templates", "Inspect injection templates.");
        var convert = new Command("convert", "Print the Scriban translation KubeInject renders for a Go template (each template of an injector config).");
        convert.Arguments.Add(_file);
        convert.SetAction(Execute);
        templates.Subcommands.Add(convert);
        return templates;
    }

    private int Execute(ParseResult parse)
    {
        var file = parse.GetValue(_file)!;
        string text;
        if (file == "-") text = context.Stdin.ReadToEnd();
        else if (!File.Exists(file))
        {
            context.Stderr.WriteLine($"kube-inject: error: {file}: no such file");
            return ExitCodes.MissingInput;
        }
        else text = File.ReadAllText(file);
        try
        {
            context.Stdout.Write(GoTemplateConversion.ToScriban(text, file == "-" ? "stdin" : file));
        }
        catch (KubeInjectException e)
        {
            context.Stderr.WriteLine($"kube-inject: error: {e}");
            return ExitCodes.BadInput;
        }
        context.Stdout.Flush();
        return ExitCodes.Ok;
    }
}
