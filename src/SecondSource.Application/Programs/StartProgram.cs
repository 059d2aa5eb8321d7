using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record StartProgramRequest(Guid ProductId, string Name, int FullDemandUnitsPerWeek, Guid PrimaryLineId, string By);

/// <summary>Starts a second-source program for a product around its primary line (which is in production).</summary>
public sealed class StartProgramHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ProductProgram>> HandleAsync(StartProgramRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        var primary = await db.Lines.SingleOrDefaultAsync(l => l.Id == request.PrimaryLineId, ct);
        if (product is null || primary is null)
        {
            return Fail.NotFound(product is null ? $"There is no product {request.ProductId}." : $"There is no line {request.PrimaryLineId}.");
        }

        var program = ProductProgram.Start(product, request.Name, request.FullDemandUnitsPerWeek, primary, clock.GetUtcNow(), request.By);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return Result.Ok(program);
    }
}

public sealed record AddCandidateRequest(Guid ProgramId, Guid LineId, string By);

/// <summary>Adds a line to a program as a candidate second source.</summary>
public sealed class AddCandidateHandler(SecondSourceDbContext db, TimeProvider clock)
{
    public async Task<Result<ProgramLine>> HandleAsync(AddCandidateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = await db.Programs.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == request.ProgramId, ct);
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == request.LineId, ct);
        if (program is null || line is null)
        {
            return Fail.NotFound(program is null ? $"There is no program {request.ProgramId}." : $"There is no line {request.LineId}.");
        }

        var candidate = program.AddCandidate(line, clock.GetUtcNow(), request.By);
        await db.SaveChangesAsync(ct);
        return Result.Ok(candidate);
    }
}
