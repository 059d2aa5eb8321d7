using SecondSource.Application.Lines;
using SecondSource.Application.Programs;
using SecondSource.Web.Hosting;

namespace SecondSource.Web.Pages.Programs;

/// <summary>
/// A program with its lines and stages, and the lines a program may add, as the program pages show them: served from
/// the read model per party scope (recomputed after a change), shared by the program, plan and stress-test pages.
/// Forms that change a program read it fresh.
/// </summary>
public sealed class ProgramReadModel(ProgramQueries programs, LineQueries lines, ScopedReadModel cache)
{
    public Task<ProgramView?> FindAsync(Guid id, CancellationToken ct) =>
        cache.GetAsync($"program|{id}", c => programs.FindAsync(id.ToString(), c), ct);

    public Task<IReadOnlyList<LineView>> LinesAsync(CancellationToken ct) =>
        cache.GetAsync("lines", lines.ListAsync, ct);
}
