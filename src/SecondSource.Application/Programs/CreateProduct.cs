using Microsoft.EntityFrameworkCore;
using SecondSource.Application.Persistence;
using SecondSource.Domain.Programs;

namespace SecondSource.Application.Programs;

public sealed record CreateProductRequest(string Name, string Code, ProductRequirements Requirements);

/// <summary>Adds a product with what it needs from any line that builds it.</summary>
public sealed class CreateProductHandler(SecondSourceDbContext db)
{
    public async Task<Result<Product>> HandleAsync(CreateProductRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = Product.Create(request.Name, request.Code, request.Requirements);
        if (await db.Products.AnyAsync(p => p.Code == product.Code, ct))
        {
            return Fail.Conflict($"A product with the code {product.Code} already exists.");
        }

        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return Result.Ok(product);
    }
}

public sealed record ProductView(Guid Id, string Name, string Code, ProductRequirements Requirements);

/// <summary>Reads of products through the party filter (a manufacturer sees those its lines build).</summary>
public sealed class ProductQueries(SecondSourceDbContext db)
{
    public async Task<IReadOnlyList<ProductView>> ListAsync(CancellationToken ct) =>
        (await db.Products.AsNoTracking().ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new ProductView(p.Id, p.Name, p.Code, p.Requirements))
            .ToList();
}

public sealed record UpdateProductRequirementsRequest(Guid ProductId, ProductRequirements Requirements);

/// <summary>Replaces what a product needs from a line (its name and code stay).</summary>
public sealed class UpdateProductRequirementsHandler(SecondSourceDbContext db)
{
    public async Task<Result<Product>> HandleAsync(UpdateProductRequirementsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null)
        {
            return Fail.NotFound($"There is no product {request.ProductId}.");
        }

        product.SetRequirements(request.Requirements);
        await db.SaveChangesAsync(ct);
        return Result.Ok(product);
    }
}
