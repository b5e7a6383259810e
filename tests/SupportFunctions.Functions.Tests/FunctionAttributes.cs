using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SupportFunctions.Functions;

namespace SupportFunctions.Functions.Tests;

/// <summary>The Functions app's functions as the SDK's metadata generator sees them: each [Function] method and its trigger attribute.</summary>
internal static class FunctionAttributes
{
    public static IReadOnlyList<(string Name, MethodInfo Method, Attribute Trigger)> All { get; } =
        typeof(FunctionsComposition).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x => (x.Function!.Name, x.Method, x.Method.GetParameters().SelectMany(p => p.GetCustomAttributes()).Single(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))))
            .ToList();

    public static IEnumerable<(string Name, T Trigger)> Of<T>()
        where T : Attribute =>
        All.Where(f => f.Trigger is T).Select(f => (f.Name, (T)f.Trigger));
}
