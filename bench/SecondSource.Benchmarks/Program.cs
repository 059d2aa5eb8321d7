using SecondSource.Benchmarks;

return args.FirstOrDefault() switch
{
    "bom-audit" => BomAuditBenchmark.Run(args.Skip(1).ToArray()),
    "bom-diff" => BomDiffBenchmark.Run(args.Skip(1).ToArray()),
    "library" => LibraryBenchmark.Run(args.Skip(1).ToArray()),
    "vault" => VaultBenchmark.Run(args.Skip(1).ToArray()),
    "testdata" => TestDataBenchmark.Run(args.Skip(1).ToArray()),
    "compare" => CompareBenchmark.Run(args.Skip(1).ToArray()),
    "plan" => PlanBenchmark.Run(args.Skip(1).ToArray()),
    "provisioning" => ProvisioningBenchmark.Run(args.Skip(1).ToArray()),
    "cli-start" => CliStartBenchmark.Run(args.Skip(1).ToArray()),
    "scale" => ScaleGenerator.Run(args.Skip(1).ToArray()),
    "scale-measure" => ScaleMeasure.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/SecondSource.Benchmarks -- bom-audit [--lines N] [--seed S] [--baseline PUBLISHED_CLI_DIR] [--runs N] | bom-diff [--lines N] [--runs N] | library [--lines N] | vault [--mib N] | testdata [--measurements N] [--build PUBLISHED_CLI_DIR]... [--runs N] | compare [--measurements N] | plan [--products N] [--weeks N] [--scenarios N] [--time-limit S] | provisioning [--certificates N] | cli-start [--build PUBLISHED_CLI_DIR]... [--runs N] | scale --data NEW_DIR [--size 10|100] [--weeks N] [--provider Postgres --connection C] | scale-measure --data DIR [--runs N] [--quarter yyyyQn] [--provider Postgres --connection C]");
    return 2;
}
