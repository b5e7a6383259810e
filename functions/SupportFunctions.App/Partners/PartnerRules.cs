using System.Text.Json;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Partners;

/// <summary>What makes partner and partner-user requests valid, and adding a user (the same for administrators and partners).</summary>
public static class PartnerRules
{
    public static ErrorMap Check(PartnerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorMap();
        errors.AddAll(DirectoryRules.Check(new AccountRequest(request.Id, request.Name, null, null, null, null, null)));
        return errors;
    }

    public static ErrorMap Check(PartnerUserRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorMap();
        errors.AddAll(DirectoryRules.Check(new AccountRequest(request.Id, request.Name, null, null, null, null, null)));
        if (!EmailAddress.IsValid(request.Email?.Trim()))
        {
            errors.Add("email", $"{SupportContactRules.InvalidEmail}: \"{request.Email}\"");
        }

        return errors;
    }

    internal static async Task<IResult> CreateUserAsync(string partnerId, HttpRequest http, DirectoryRepository directory, JsonSerializerOptions json, string location, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<PartnerUserRequest>(http, json, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = Check(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var user = new PartnerUser { Id = request!.Id ?? AdminApi.NewId("usr"), PartnerId = partnerId, Name = request.Name.Trim(), Email = request.Email.Trim() };
        try
        {
            await directory.CreatePartnerUserAsync(user, cancellationToken);
            return TypedResults.Created($"{location}/{user.Id}", user);
        }
        catch (StorageConflictException)
        {
            return Problems.Conflict($"User {user.Id} already exists.");
        }
    }
}
