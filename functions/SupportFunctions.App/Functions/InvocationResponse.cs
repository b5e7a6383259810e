namespace SupportFunctions.App.Functions;

/// <summary>The custom-handler answer to the Functions host: output bindings, log lines, and the return value.</summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static InvocationResponse Done(params string[] logs) => new(new Dictionary<string, object?>(), logs, null);
}
