using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// The OpenAPI document declares the <c>X-Api-Key</c> scheme, and each operation says whether it needs it: those behind
/// an authorization policy list it; anonymous ones (health, public intake, the webhooks, which check their sender's own
/// signature) list none. The API page then has an Authorize button and sends the key it is given.
/// </summary>
public static class ApiKeyOpenApi
{
    public const string SchemeId = "ApiKey";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key issued by POST /api/admin/keys (contacts, agents, partners) or the bootstrap administrator key.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
            operation.Security = anonymous
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }];
            if (anonymous && context.Description.RelativePath?.StartsWith("api/inbound", StringComparison.Ordinal) == true)
            {
                operation.Description = (operation.Description is { Length: > 0 } described ? described + " " : string.Empty) +
                    "No API key: the request is authenticated by its sender's own signature (the secret in the SendGrid URL, X-Twilio-Signature, or the voice platform's HMAC header).";
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
