using KubeInject.Go;

namespace KubeInject.GoTemplates;

/// <summary>
/// The methods of Go's <c>time.Time</c> a template can call on what sprig's date functions return: <c>.Unix</c>,
/// <c>.Year</c>, <c>.Month</c>, <c>.Day</c>, <c>.Hour</c>, <c>.Minute</c>, <c>.Second</c>, <c>.YearDay</c>,
/// <c>.Weekday</c>, <c>.UTC</c>, <c>.String</c> and <c>.Format LAYOUT</c>.
/// </summary>
internal static class TimeMethods
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Calls method <paramref name="name"/> with <paramref name="args"/>.</summary>
    public static object? Call(TimeValue t, string name, object?[] args)
    {
        var d = t.Instant;
        return name switch
        {
            "Unix" => Want(name, args, 0, () => t.UnixSeconds),
            "Year" => Want(name, args, 0, () => (long)d.Year),
            // time.Month and time.Weekday print their English names.
            "Month" => Want(name, args, 0, () => Months[d.Month - 1]),
            "Day" => Want(name, args, 0, () => (long)d.Day),
            "Hour" => Want(name, args, 0, () => (long)d.Hour),
            "Minute" => Want(name, args, 0, () => (long)d.Minute),
            "Second" => Want(name, args, 0, () => (long)d.Second),
            "YearDay" => Want(name, args, 0, () => (long)d.DayOfYear),
            "Weekday" => Want(name, args, 0, () => d.DayOfWeek.ToString()),
            "UTC" => Want(name, args, 0, () => TimeValue.Utc(d)),
            "String" => Want(name, args, 0, t.ToString),
            "Format" => Want(name, args, 1, () => args[0] is string layout ? TimeFormat.Format(t, layout)
                : throw new GoExecException($"wrong type for value; expected string; got {GoSemantics.TypeName(args[0])}")),
            _ => throw new GoExecException($"can't evaluate field {name} in type time.Time"),
        };
    }

    private static object? Want(string name, object?[] args, int count, Func<object?> call) =>
        args.Length == count ? call() : throw new GoExecException($"wrong number of args for {name}: want {count} got {args.Length}");
}
