using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Security;

/// <summary>
/// Authenticates <c>X-Api-Key</c>: the configured bootstrap administrator key, or a stored key (by id, secret hash
/// compared in constant time, not revoked, not expired), and stamps its last use at most hourly. Failures are 401 problem details that do not say which part
/// was wrong; the log says why without the key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRepository keys,
    IConfiguration configuration,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString().Trim();
        if (BootstrapKey.Matches(configuration, presented))
        {
            return Success(new Caller(PrincipalKind.Admin, "bootstrap", null));
        }

        if (!ApiKeyFormat.TryParse(presented, out var keyId, out var secret))
        {
            return Reject("malformed key");
        }

        var record = await keys.GetAsync(keyId, Context.RequestAborted);
        if (record is null)
        {
            return Reject($"unknown key id {keyId}");
        }

        if (!ApiKeyFormat.Matches(secret, record.SecretHash))
        {
            return Reject($"wrong secret for key id {keyId}");
        }

        var now = time.GetUtcNow();
        if (record.RevokedBy(now))
        {
            return Reject($"key id {keyId} was revoked");
        }

        if (record.ExpiredBy(now))
        {
            return Reject($"key id {keyId} expired");
        }

        if (record.UseWorthRecording(now))
        {
            await RecordUseAsync(keyId, now);
        }

        return Success(new Caller(Enum.Parse<PrincipalKind>(record.PrincipalKind, ignoreCase: true), record.PrincipalId, record.AccountId));
    }

    /// <summary>"Last used" is for administrators tidying keys: when it cannot be written the request still goes on, logged.</summary>
    private async Task RecordUseAsync(string keyId, DateTimeOffset now)
    {
        try
        {
            await keys.RecordUseAsync(keyId, now, Context.RequestAborted);
        }
        catch (Azure.RequestFailedException e)
        {
            Logs.ApiKeyUseNotRecorded(Logger, keyId, e.Status);
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "Authentication required", Detail = $"Send a valid API key in the {HeaderName} header.", Type = Problems.TypeUri("unauthenticated") },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Not allowed", Detail = "Your API key does not allow this operation.", Type = Problems.TypeUri("forbidden") },
        });
    }

    private static AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(caller.ToIdentity(SchemeName)), SchemeName));

    private AuthenticateResult Reject(string reason)
    {
        Logs.ApiKeyRejected(Logger, reason);
        return AuthenticateResult.Fail("Invalid API key.");
    }
}
