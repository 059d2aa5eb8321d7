using Microsoft.Extensions.Time.Testing;
using SecondSource.Application.Database;
using SecondSource.Application.Persistence;

namespace SecondSource.Application.Tests.Database;

/// <summary>An upload killed mid-way leaves its spool behind; the sweep removes such leftovers after an hour and nothing else.</summary>
public sealed class SweepPartialFilesTests
{
    [Fact]
    public async Task Partial_files_older_than_an_hour_go_and_everything_else_stays()
    {
        var folder = Directory.CreateTempSubdirectory("sweep-").FullName;
        try
        {
            var now = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
            string Write(string relative, int bytes, TimeSpan age)
            {
                var path = Path.Combine(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, new byte[bytes]);
                File.SetLastWriteTimeUtc(path, (now - age).UtcDateTime);
                return path;
            }

            var killedUpload = Write("incoming/3f2a.part", 1000, TimeSpan.FromHours(5));
            var hiddenTemporary = Write("vault/ab/.c0ffee.part", 234, TimeSpan.FromMinutes(61));
            var uploadInProgress = Write("incoming/9e1b.part", 500, TimeSpan.FromMinutes(59));
            var content = Write("vault/ab/abcdef", 77, TimeSpan.FromDays(30));
            var database = Write("secondsource.db", 10, TimeSpan.FromDays(30));

            var sweep = new SweepPartialFilesHandler(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=x", folder), new FakeTimeProvider(now));
            sweep.Handle().ShouldBe(new SweepResult(2, 1234, 0));
            File.Exists(killedUpload).ShouldBeFalse();
            File.Exists(hiddenTemporary).ShouldBeFalse("the content store's temporaries start with a dot");
            File.Exists(uploadInProgress).ShouldBeTrue("younger than an hour: maybe still being written");
            File.Exists(content).ShouldBeTrue();
            File.Exists(database).ShouldBeTrue();

            (await new SweepPartialFilesJob(sweep).RunAsync(CancellationToken.None)).ShouldBe("no leftover partial file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
