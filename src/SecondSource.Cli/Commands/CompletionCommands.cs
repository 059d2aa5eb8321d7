using System.CommandLine;

namespace SecondSource.Cli.Commands;

/// <summary>
/// <c>secondsource completion bash|zsh|fish|pwsh</c>: a shell script that completes commands, options and their
/// choices by asking the CLI itself (System.CommandLine's <c>[suggest:POSITION]</c> directive), so the completion can
/// never fall behind the commands.
/// </summary>
internal static class CompletionCommands
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
        var command = new Command("completion", "Print a shell completion script: source it from your shell's start-up file.") { shell };
        command.SetAction(async (parsed, _) =>
        {
            await context.Console.Out.WriteAsync(Script(parsed.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # secondsource completion for bash: source this file, or put it in /etc/bash_completion.d/
            _secondsource_complete() {
              local IFS=$'\n'
              COMPREPLY=($(compgen -W "$(secondsource "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
            }
            complete -o default -F _secondsource_complete secondsource

            """,
        "zsh" => """
            #compdef secondsource
            # secondsource completion for zsh: put this file in a folder of $fpath as _secondsource
            _secondsource() {
              local -a completions
              completions=("${(@f)$(secondsource "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
              compadd -a completions
            }
            compdef _secondsource secondsource

            """,
        "fish" => """
            # secondsource completion for fish: save as ~/.config/fish/completions/secondsource.fish
            complete -c secondsource -f -a '(secondsource "[suggest:"(string length -- (commandline -cp))"]" (commandline -cp) 2>/dev/null)'

            """,
        _ => """
            # secondsource completion for PowerShell: add this to your $PROFILE
            Register-ArgumentCompleter -Native -CommandName secondsource -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                secondsource "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
