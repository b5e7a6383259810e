using Microsoft.Extensions.Options;

namespace SupportFunctions.App.Storage;

/// <summary>Validated at start-up so a wrong setting stops the app with one sentence instead of failing on the first request.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        try
        {
            StorageConnectionFactory.Create(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
