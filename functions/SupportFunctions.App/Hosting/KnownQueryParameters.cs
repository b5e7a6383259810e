using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// No query parameter is silently ignored: a request naming one its endpoint does not take (<c>?status=Open</c> where
/// there is no status filter, a typo of <c>pageSize</c>) is a 422 naming it and listing the ones that exist. What an
/// endpoint takes is read from its handler's parameters: the simple values not bound from the route, a header, the body
/// or services.
/// </summary>
public static class KnownQueryParameters
{
    public static TBuilder RejectUnknownQueryParameters<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var known = QueryNames(factory.MethodInfo);
            return async invocation =>
            {
                var request = invocation.HttpContext.Request;
                var unknown = request.Query.Keys.Where(k => !known.Contains(k) || request.RouteValues.ContainsKey(k)).ToList();
                if (unknown.Count == 0)
                {
                    return await next(invocation);
                }

                var rule = known.Count == 0 ? "this endpoint takes no query parameters" : $"is not a query parameter here; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}";
                return Problems.Validation(unknown.ToDictionary(k => k, _ => new[] { rule }, StringComparer.Ordinal));
            };
        });

    private static HashSet<string> QueryNames(MethodInfo handler) =>
        handler.GetParameters().SelectMany(QueryNames).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A simple parameter's query name; an <c>[AsParameters]</c> record's, those of its constructor's parameters.</summary>
    private static IEnumerable<string> QueryNames(ParameterInfo p)
    {
        if (p.GetCustomAttribute<AsParametersAttribute>() is not null)
        {
            // Minimal APIs bind a record's parameters by name, case-insensitively; they are listed as the API spells them.
            return p.ParameterType.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters().SelectMany(QueryNames)
                .Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName) ?? [];
        }

        var bound = p.GetCustomAttributes().Any(a => a is FromRouteAttribute or FromHeaderAttribute or FromBodyAttribute or FromServicesAttribute or FromFormAttribute);
        return p.Name is null || !IsSimple(p.ParameterType) || bound ? [] : [p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name];
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Guid) || t == typeof(TimeSpan);
    }
}
