using KubeInject.Go;

namespace KubeInject.GoTemplates;

/// <summary>
/// The methods of semver's <c>*Version</c> a template can call on what sprig's <c>semver</c> returns:
/// <c>.Major</c>, <c>.Minor</c>, <c>.Patch</c>, <c>.Prerelease</c>, <c>.Metadata</c>, <c>.Original</c>,
/// <c>.String</c>, and with a version argument <c>.Compare</c>, <c>.LessThan</c>, <c>.GreaterThan</c>, <c>.Equal</c>.
/// Messages follow text/template's for a method called with the wrong arguments.
/// </summary>
internal static class SemverMethods
{
    /// <summary>The Go type name (<c>%T</c>, <c>typeOf</c>).</summary>
    public const string TypeName = "*semver.Version";

    /// <summary>Calls method <paramref name="name"/> with <paramref name="args"/> (none for <c>.Major</c> and the like).</summary>
    public static object? Call(SemverVersion v, string name, object?[] args)
    {
        switch (name)
        {
            case "Major": return Want(name, args, 0, () => (long)v.Major);
            case "Minor": return Want(name, args, 0, () => (long)v.Minor);
            case "Patch": return Want(name, args, 0, () => (long)v.Patch);
            case "Prerelease": return Want(name, args, 0, () => v.Prerelease);
            case "Metadata": return Want(name, args, 0, () => v.Metadata);
            case "Original": return Want(name, args, 0, () => v.Original);
            case "String": return Want(name, args, 0, v.ToString);
            case "Compare": return Want(name, args, 1, () => (long)v.Compare(Other(args[0])));
            case "LessThan": return Want(name, args, 1, () => v.Compare(Other(args[0])) < 0);
            case "GreaterThan": return Want(name, args, 1, () => v.Compare(Other(args[0])) > 0);
            case "Equal": return Want(name, args, 1, () => v.Compare(Other(args[0])) == 0);
            default:
                throw new GoExecException($"can't evaluate field {name} in type {TypeName}");
        }
    }

    private static object? Want(string name, object?[] args, int count, Func<object?> call) =>
        args.Length == count ? call() : throw new GoExecException($"wrong number of args for {name}: want {count} got {args.Length}");

    private static SemverVersion Other(object? arg) => arg as SemverVersion
        ?? throw new GoExecException($"wrong type for value; expected {TypeName}; got {(arg is null ? "<nil>" : GoSemantics.TypeName(arg))}");
}
