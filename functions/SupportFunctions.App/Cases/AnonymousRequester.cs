namespace SupportFunctions.App.Cases;

/// <summary>Who is asking, for requests without an API key (<c>POST /api/public/cases</c>).</summary>
public sealed record AnonymousRequester(string Email, string? Name);
