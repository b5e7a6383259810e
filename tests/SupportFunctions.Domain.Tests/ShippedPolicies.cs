using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests;

/// <summary>The policy documents in the repository's policies/ folder, loaded once per test run.</summary>
public static class ShippedPolicies
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SupportFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "policies");
    });

    private static readonly Dictionary<string, SupportPolicy> Cache = new(StringComparer.Ordinal);

    public static string Directory => Folder.Value;

    public static IEnumerable<string> Names => ["everbridge", "talkdesk", "purecloud", "mitel-cloudlink", "digibee"];

    public static string PathOf(string name) => Path.Combine(Folder.Value, name + ".json");

    public static SupportPolicy Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var policy))
            {
                Cache[name] = policy = PolicyDocument.Parse(File.ReadAllText(PathOf(name)), PathOf(name));
            }

            return policy;
        }
    }

    public static SupportPolicy Everbridge => Load("everbridge");

    public static SupportPolicy Talkdesk => Load("talkdesk");

    public static SupportPolicy PureCloud => Load("purecloud");

    public static SupportPolicy Mitel => Load("mitel-cloudlink");

    public static SupportPolicy Digibee => Load("digibee");
}
