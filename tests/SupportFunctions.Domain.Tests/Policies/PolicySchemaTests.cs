using System.Text.Json;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Policies;

public class PolicySchemaTests
{
    private static string SchemaPath => Path.Combine(ShippedPolicies.Directory, PolicySchema.FileName);

    [Fact]
    public void The_shipped_schema_is_the_one_the_model_generates()
    {
        var generated = PolicySchema.Generate();
        if (Environment.GetEnvironmentVariable("UPDATE_POLICY_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaPath, generated);
        }

        Assert.True(
            File.Exists(SchemaPath) && File.ReadAllText(SchemaPath) == generated,
            $"policies/{PolicySchema.FileName} is out of step with the policy model; regenerate it with: UPDATE_POLICY_SCHEMA=1 dotnet test tests/SupportFunctions.Domain.Tests --filter {nameof(The_shipped_schema_is_the_one_the_model_generates)}");
    }

    [Fact]
    public void Every_model_member_is_a_schema_property_and_no_other()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").Order().ToList();
        var members = typeof(SupportPolicy).GetProperties().Where(p => p.CanWrite).Select(PolicyJson.NameOf).Order().ToList();
        Assert.Equal(members, properties);
        Assert.Equal("duration", schema.RootElement.GetProperty("properties").GetProperty("lifecycle").GetProperty("properties").GetProperty("customerChangeWait").GetProperty("format").GetString());
    }

    [Theory]
    [MemberData(nameof(PolicyDocumentTests.PolicyNames), MemberType = typeof(PolicyDocumentTests))]
    public void Every_shipped_policy_points_editors_at_the_schema(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ShippedPolicies.PathOf(name)));
        Assert.Equal("./" + PolicySchema.FileName, document.RootElement.GetProperty("$schema").GetString());
    }
}
