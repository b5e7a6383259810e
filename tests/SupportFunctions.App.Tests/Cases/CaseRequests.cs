using System.Net.Http.Json;
using System.Text.Json;

namespace SupportFunctions.App.Tests.Cases;

/// <summary>Small helpers to post cases and read answers in scenario tests.</summary>
public static class CaseRequests
{
    public static Task<HttpResponseMessage> PostCaseAsync(this HttpClient client, object body, string? idempotencyKey = null, string path = "/api/cases")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string json, string path = "/api/cases", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string[] ErrorsFor(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray() : [];

    public static IEnumerable<string> ErrorFields(this JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);
}
