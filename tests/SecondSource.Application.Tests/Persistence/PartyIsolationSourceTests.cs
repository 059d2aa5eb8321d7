using SecondSource.Testing;

namespace SecondSource.Application.Tests.Persistence;

/// <summary>
/// Every place that looks past the party filter is reviewed: a new call site fails this test until it is
/// added here with the reason it is safe (security checklist T-04).
/// </summary>
public sealed class PartyIsolationSourceTests
{
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/SecondSource.Application/Parties/AuthenticateApiKey.cs"] = "authenticates a key before anyone is known",
        ["src/SecondSource.Web/Authorization/PrincipalValidator.cs"] = "validates a session cookie before the request has a principal",
        ["src/SecondSource.Web/Authorization/SecondSourceClaimsFactory.cs"] = "reads the signing-in person's own party",
        ["src/SecondSource.Web/Pages/Account/Login.cshtml.cs"] = "finds the account being signed in to",
        ["src/SecondSource.Web/Hosting/StartupTasks.cs"] = "migrates and seeds before any request",
        ["src/SecondSource.Application/Database/BackupDatabase.cs"] = "sets SQLite's busy timeout (PRAGMA) on the backup's own connections; reads no rows",
        ["src/SecondSource.Web/Hosting/DatabaseKeyRing.cs"] = "the Data Protection key ring, which belongs to no party and is read before anyone is known (the sign-in form's antiforgery token); touches only DataProtectionKeys",
        ["src/SecondSource.Web/Hosting/ScheduledWorkService.cs"] = "scheduled work runs for the whole installation, as the CLI does; each job is one of the reviewed IScheduledJob classes",
        ["src/SecondSource.Application/Database/DescribeDatabase.cs"] = "operator's row counts (raw SQL over model table names)",
        ["src/SecondSource.Application/Persistence/PartyScope.cs"] = "defines the system scope",
        ["src/SecondSource.Application/Persistence/SecondSourceDbContext.cs"] = "defines the filterless context that only the compiled model's generation may use (ADR 0020)",
        ["src/SecondSource.Migrations.Sqlite/DesignTimeFactory.cs"] = "dotnet ef dbcontext optimize writes the compiled model from a filterless context; the compiled model adds the filters back as it loads and CompiledModelTests checks them (ADR 0020)",
        ["src/SecondSource.Application/Health/ProgramTrendQueries.cs"] = "the dashboard's quarterly trend computed once over each program the viewer may see (listed under its own filter), then projected as ProgramFacts does: a manufacturer gets its own lines' batches and yields and no share; checked by the projection test and the dashboard page test",
        ["src/SecondSource.Application/TestData/TestDataQueries.cs"] = "finds the serials tested on several lines once over every line's units of the product (ADR 0013), then shows a manufacturer only the serials its own lines tested, the other lines unnamed; checked by the reconciliation projection test",
        ["src/SecondSource.Application/Programs/ProgramFacts.cs"] = "computes a program's derived facts (warmth, parity, shift, sync) once over the whole program, then returns only the entries of lines the viewer's party owns (ADR 0013); the projection is checked by the IDOR canary and the one-truth tests",
        ["src/SecondSource.Application/Avl/CoverageRecorder.cs"] = "audits every line's acceptances to snapshot coverage after any party's change; writes only party-owned snapshots, returns nothing",
        ["src/SecondSource.Application/Vault/AccessLogWriter.cs"] = "reads the log's last sequence number and hash to chain a manufacturer's entry; returns nothing",
        ["src/SecondSource.Application/Vault/VaultAccessGate.cs"] = "reads artifacts and revisions for a manufacturer only after the domain rule found a live grant and a live NDA of its own (both read under its filter)",
        ["src/SecondSource.Application/Persistence/SqlitePragmaInterceptor.cs"] = "sets SQLite pragmas on a connection as it opens; touches no rows",
        ["src/SecondSource.Application/Provisioning/IssueDeviceCertificate.cs"] = "decides a station's request: whether the serial is certified on any line (existence only), the buyer-only profile, CA and released versions; returns the decision and the station's own certificate only",
        ["src/SecondSource.Application/Provisioning/AllocateSerials.cs"] = "the buyer checks a new serial block against every line's blocks of the product (existence only)",
        ["src/SecondSource.Application/Provisioning/ProvisioningQueries.cs"] = "a CA's published CRL (public by design); signed releases, their key and product only for revisions the vault gate granted to the manufacturer",
        ["src/SecondSource.Application/Reviews/ReviewQueries.cs"] = "a manufacturer's review view: the review's program id, then only findings on the manufacturer's own lines (read under its filter) with their verdict history and actions, which carry no number of either line",
        ["src/SecondSource.Application/Database/RestoreDataFolder.cs"] = "SQLite's integrity check (PRAGMA) of a backup file before an operator restores it; reads no rows",
        ["src/SecondSource.Web/Hosting/AccessLogVerdicts.cs"] = "the access log page's hourly full check of the chain in the background (ADR 0018); the page is for the buyer's administrators, who read the whole log, and the verdict holds no entry",
        ["src/SecondSource.Application/Persistence/BulkWriter.cs"] = "bulk inserts past the interceptor; its one caller (ImportTestData) sets ownership from the line it read under the party filter",
    };

    private static readonly string[] Bypasses = ["CreateCommand", "BeginBinaryImport", "IgnoreQueryFilters", "BeginSystemScope", "SqlQueryRaw", "FromSqlRaw", "ExecuteSqlRaw", "FromSql(", "SqlQuery(", "ForCompiledModelGeneration"];

    [Fact]
    public void Only_reviewed_files_bypass_the_party_filter()
    {
        var root = TestPaths.RepositoryRoot();
        var hits = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Migrations", StringComparison.Ordinal))
            .Where(f => Bypasses.Any(b => File.ReadAllText(f).Contains(b, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();

        hits.ShouldNotBeEmpty();
        hits.Where(h => !Allowed.ContainsKey(h)).ShouldBeEmpty("a new bypass of the party filter needs a review and an entry in this test");
    }
}
