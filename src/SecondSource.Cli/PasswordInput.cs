using System.Text;

namespace SecondSource.Cli;

/// <summary>Reads a password from standard input (--password-stdin) or from a prompt that does not echo.</summary>
internal static class PasswordInput
{
    public static async Task<string> ReadAsync(CliConsole console, bool fromStdin)
    {
        if (fromStdin)
        {
            var line = await console.In.ReadLineAsync();
            return string.IsNullOrEmpty(line)
                ? throw new CliUsageException("--password-stdin was given but standard input holds no password.")
                : line.TrimEnd('\r');
        }

        if (console.InputRedirected)
        {
            throw new CliUsageException("No terminal to prompt for a password: pass --password-stdin and pipe the password in.");
        }

        var first = Prompt(console, "Password: ");
        var second = Prompt(console, "Repeat password: ");
        return first == second ? first : throw new CliUsageException("The two passwords differ.");
    }

    private static string Prompt(CliConsole console, string label)
    {
        console.Error.Write(label);
        var buffer = new StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                console.Error.WriteLine();
                return buffer.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (buffer.Length > 0)
                {
                    buffer.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                buffer.Append(key.KeyChar);
            }
        }
    }
}
