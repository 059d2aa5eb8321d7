using System.CommandLine;

namespace SecondSource.Cli;

/// <summary>
/// An example or two for every command, shown at the end of its help (<c>secondsource bom import --help</c>) and in
/// docs/cli.md. The demo's names are used (AUR-VSM200, Vistula, Pearl River), so each runs against <c>demo seed</c>.
/// A test checks that every command has its examples.
/// </summary>
public static class CliExamples
{
    public static readonly IReadOnlyDictionary<string, string[]> ByCommand = new Dictionary<string, string[]>
    {
        ["db migrate"] = ["secondsource db migrate --data /var/lib/secondsource"],
        ["db info"] = ["secondsource db info", "secondsource db info --provider Postgres --connection \"Host=db;Username=secondsource;Database=secondsource\""],
        ["db backup"] = ["secondsource db backup /backups/2026-12-07 --full"],
        ["db restore"] = ["secondsource db restore /backups/2026-12-07 --into /var/lib/secondsource-restored"],
        ["db verify"] = ["secondsource db verify", "secondsource db verify --json"],
        ["user add"] = ["secondsource user add you@example.com --admin", "secondsource user add ewa@vistula.example --manufacturer Vistula --name \"Ewa Nowak\""],
        ["user list"] = ["secondsource user list", "secondsource user list --json"],
        ["user set-password"] = ["secondsource user set-password ewa@vistula.example", "printf '%s\\n' \"$PASSWORD\" | secondsource user set-password ewa@vistula.example --password-stdin"],
        ["user disable"] = ["secondsource user disable ewa@vistula.example"],
        ["user enable"] = ["secondsource user enable ewa@vistula.example"],
        ["party list"] = ["secondsource party list --json"],
        ["party add-manufacturer"] = ["secondsource party add-manufacturer \"Vistula EMS Sp. z o.o.\""],
        ["apikey create"] = ["secondsource apikey create --party Vistula --name \"ICT station 2\" --line \"SMT line 1\" --expires 2027-06-30"],
        ["apikey list"] = ["secondsource apikey list"],
        ["apikey revoke"] = ["secondsource apikey revoke ssk_3f2b9c"],
        ["demo seed"] = ["secondsource demo seed --data ./demo-data"],
        ["bom audit"] = ["secondsource bom audit board-bom.csv", "secondsource bom audit board-bom.xlsx --output sarif --sarif-root . > bom.sarif", "secondsource bom audit --product AUR-VSM200 --revision \"Rev B\""],
        ["bom import"] = ["secondsource bom import AUR-VSM200 rev-c.csv --label \"Rev C\"", "secondsource bom import AUR-VSM200 rev-c.csv --label \"Rev C\" --release \"ECO-114: new LDO\""],
        ["bom revisions"] = ["secondsource bom revisions AUR-VSM200"],
        ["bom release"] = ["secondsource bom release AUR-VSM200 \"Rev C\" --note \"ECO-114: new LDO\""],
        ["bom delete"] = ["secondsource bom delete AUR-VSM200 \"Rev C\""],
        ["bom diff"] = ["secondsource bom diff \"Rev B\" \"Rev C\" --product AUR-VSM200", "secondsource bom diff old.csv new.csv --output markdown"],
        ["bom export"] = ["secondsource bom export AUR-VSM200 \"Rev B\" --line Vistula --out vistula-bom.xlsx", "secondsource bom export AUR-VSM200 \"Rev B\" --line Vistula --format ipc2581"],
        ["bom aliases add"] = ["secondsource bom aliases add \"TI\" --same-as \"Texas Instruments\" --file aliases.txt"],
        ["avl import-xref"] = ["secondsource avl import-xref cross-reference.csv"],
        ["avl adopt"] = ["secondsource avl adopt --product AUR-VSM200 --revision \"Rev B\""],
        ["avl manufacturer confirm"] = ["secondsource avl manufacturer confirm \"Nexperia USA\" --same-as Nexperia"],
        ["vault put"] = ["secondsource vault put AUR-VSM200 AssemblyDrawing assembly-rev-d.pdf --note \"Rev D: new stencil\""],
        ["vault list"] = ["secondsource vault list AUR-VSM200"],
        ["vault get"] = ["secondsource vault get 3f2b9c0e8a1d4b6c9e7f0a1b2c3d4e5f --out drawing.pdf"],
        ["vault grant"] = ["secondsource vault grant AUR-VSM200 AssemblyDrawing --line Vistula --until 2027-06-30"],
        ["vault revoke"] = ["secondsource vault revoke 3f2b9c0e8a1d4b6c9e7f0a1b2c3d4e5f --reason \"program ended\""],
        ["vault grants"] = ["secondsource vault grants AUR-VSM200"],
        ["vault nda"] = ["secondsource vault nda --manufacturer Vistula --scope \"VSM-200 transfer\" --signed 2026-01-15 --expires 2028-01-14 --document nda-signed.pdf"],
        ["audit verify"] = ["secondsource audit verify", "secondsource audit verify --checkpoint /mnt/offsite/checkpoints", "secondsource audit verify --json"],
        ["audit checkpoint"] = ["secondsource audit checkpoint", "secondsource audit checkpoint --json"],
        ["testdata batch add"] = ["secondsource testdata batch add --product AUR-VSM200 --line Vistula --name VE-2612-01 --quantity 500 --start 2026-12-01T06:00Z"],
        ["testdata batches"] = ["secondsource testdata batches AUR-VSM200 --json"],
        ["testdata import"] = ["secondsource testdata import logs/ --line Vistula", "secondsource testdata import units-tested.jsonl --line Vistula --batch VE-2612-01"],
        ["testdata unit"] = ["secondsource testdata unit AUR2612-V000123"],
        ["testdata compare"] = ["secondsource testdata compare primary.csv second.csv --margin-fraction 0.1", "secondsource testdata compare PR-2611-01 VE-2611-01,VE-2611-02 --product AUR-VSM200 --json"],
        ["testdata pilot"] = ["secondsource testdata pilot AUR-VSM200 --line Vistula"],
        ["lines list"] = ["secondsource lines list"],
        ["lines show"] = ["secondsource lines show Vistula"],
        ["programs list"] = ["secondsource programs list"],
        ["programs show"] = ["secondsource programs show AUR-VSM200", "secondsource programs show VSM-200"],
        ["plan forecast import"] = ["secondsource plan forecast import forecast-2027.csv"],
        ["plan check"] = ["secondsource plan check AUR-VSM200"],
        ["plan optimise"] = ["secondsource plan optimise AUR-VSM200 --weeks 26", "secondsource plan optimise AUR-VSM200 --adopt"],
        ["stress"] = ["secondsource stress AUR-VSM200", "secondsource stress VSM-200 --scenarios 50000 --seed 7 --json"],
        ["keys list"] = ["secondsource keys list"],
        ["keys create"] = ["secondsource keys create --name \"Aurora firmware release key 2027\" --purpose firmware"],
        ["firmware release"] = ["secondsource firmware release --product AUR-VSM200 --version 2.6.0"],
        ["firmware sign"] = ["secondsource firmware sign --product AUR-VSM200 --version 2.6.0 --key \"Aurora firmware release key 2026\" --out fw-2.6.0.sig"],
        ["firmware list"] = ["secondsource firmware list"],
        ["certs allocate"] = ["secondsource certs allocate --batch VE-2612-01 --prefix AUR2612-V --first 1 --last 500"],
        ["certs issue"] = ["secondsource certs issue --line Vistula --serial AUR2612-V000001 --csr unit.csr --out unit.pem"],
        ["certs revoke"] = ["secondsource certs revoke --product AUR-VSM200 --serial AUR2612-V000001 --reason keyCompromise"],
        ["certs crl"] = ["secondsource certs crl --ca \"Aurora Device CA 2026\" --out device-ca.crl"],
        ["health"] = ["secondsource health", "secondsource health --program AUR-VSM200 --fail-on attention --json"],
        ["review generate"] = ["secondsource review generate --program AUR-VSM200 --quarter 2026Q4"],
        ["review list"] = ["secondsource review list"],
        ["review costs"] = ["secondsource review costs quotes-and-orders.csv"],
        ["completion"] = ["secondsource completion bash > /etc/bash_completion.d/secondsource", "secondsource completion zsh > \"${fpath[1]}/_secondsource\""],
    };

    /// <summary>Appends each command's examples to its description (shown by --help).</summary>
    public static void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var (path, command) in Leaves(root, ""))
        {
            if (ByCommand.TryGetValue(path, out var examples))
            {
                command.Description = $"{command.Description}\n\nExamples:\n{string.Join('\n', examples.Select(e => "  " + e))}";
            }
        }
    }

    /// <summary>Every command that runs something (no subcommands), by its path: "bom import".</summary>
    public static IEnumerable<(string Path, Command Command)> Leaves(Command command, string path)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Subcommands.Count == 0)
        {
            yield return (path, command);
            yield break;
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}"))
            {
                yield return leaf;
            }
        }
    }
}
