using System.Globalization;
using SupportFunctions.Benchmarks;
using SupportFunctions.Storage;

// scripts/bench <name>: throughput measurements against the Azurite that scripts/bench started.
var name = args.FirstOrDefault() ?? "storage";
var connectionString = Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_STORAGE")
    ?? throw new InvalidOperationException("SUPPORTFUNCTIONS_BENCH_STORAGE is not set; run through scripts/bench.");
var seconds = double.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_SECONDS") ?? "3", CultureInfo.InvariantCulture);
var account = StorageAccount.Parse(connectionString);

switch (name)
{
    case "storage":
        await StorageBenchmark.RunAsync(account, TimeSpan.FromSeconds(seconds));
        return 0;
    default:
        await Console.Error.WriteLineAsync($"Unknown benchmark '{name}'. Known: storage.");
        return 2;
}
