using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Stratum.Data;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>Every provider a server test runs on: SQLite always, PostgreSQL when test.sh started one.</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}

/// <summary>
/// The real web host on a database of its own (a temporary SQLite file, or a new PostgreSQL database), with the
/// bootstrap admin configured and the clock fixed.
/// </summary>
public sealed class ClinicServer : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "STRATUM_TEST_POSTGRES";
    public const string AdminEmail = "admin@stratum.test";
    public const string AdminPassword = "Admin-Password-2026";
    public const string StaffPassword = "Staff-Password-2026";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stratum-server-");
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly bool _bootstrap;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _ownsDatabase;

    private ClinicServer(DatabaseProvider provider, string? postgresAdmin, string? postgresName, bool bootstrap,
        IReadOnlyDictionary<string, string>? settings = null, FakeTimeProvider? clock = null, bool ownsDatabase = true)
    {
        Provider = provider;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _bootstrap = bootstrap;
        _settings = settings ?? new Dictionary<string, string>();
        Clock = clock ?? new FakeTimeProvider(Now);
        _ownsDatabase = ownsDatabase;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the server keeps its files (the SQLite database, photos).</summary>
    public string DataDirectory => _directory.FullName;

    /// <summary>The server's clock; a second node on the same database shares it.</summary>
    public FakeTimeProvider Clock { get; }

    public string ConnectionString => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory.FullName, "stratum.db") }.ToString()
        : new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ToString();

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <param name="settings">Further host settings (configuration keys such as <c>Stratum:Smtp:Host</c>).</param>
    public static async Task<ClinicServer> StartAsync(DatabaseProvider provider, bool bootstrap = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new ClinicServer(provider, null, null, bootstrap, settings);
        }

        var (admin, name) = await CreatePostgresDatabaseAsync("stratum_web");
        return new ClinicServer(provider, admin, name, bootstrap, settings);
    }

    /// <summary>Another web host on this server's PostgreSQL database, with the same settings and clock: a second node behind a load balancer.</summary>
    public ClinicServer SecondNode() => Provider == DatabaseProvider.Postgres
        ? new ClinicServer(Provider, _postgresAdmin, _postgresName, _bootstrap, _settings, Clock, ownsDatabase: false)
        : throw new InvalidOperationException("Several nodes share a PostgreSQL database.");

    /// <summary>A new database on the server test.sh started (the test is skipped without one): its admin connection string and name.</summary>
    public static async Task<(string Admin, string Name)> CreatePostgresDatabaseAsync(string prefix)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), $"{PostgresVariable} is not set: ./test.sh starts a PostgreSQL server and sets it.");
        var name = $"{prefix}_{Guid.NewGuid():n}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(Cancel);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(Cancel);
        return (admin, name);
    }

    public static async Task DropPostgresDatabaseAsync(string admin, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Stratum:DataDirectory", _directory.FullName);
        builder.UseSetting("Stratum:RateLimit:LoginPermitsPerMinute", "1000");
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("Stratum:Database", "postgres");
            builder.UseSetting("ConnectionStrings:Stratum", ConnectionString);
        }

        if (_bootstrap)
        {
            builder.UseSetting("Stratum:Bootstrap:AdminEmail", AdminEmail);
            builder.UseSetting("Stratum:Bootstrap:AdminPassword", AdminPassword);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password }, Cancel);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A clinic with one member of staff per role, made through the API by the admin.</summary>
    public async Task<Clinic> CreateClinicAsync(string name)
    {
        var admin = await SignInAsync(AdminEmail, AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/clinics", new { name }, Cancel);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<Guid>();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in new[] { "clinic-admin", "clinician", "front-desk" })
        {
            var email = $"{role}.{id:n}@stratum.test";
            (await admin.PostAsJsonAsync($"/api/clinics/{id}/users", new { email, password = StaffPassword, role }, Cancel)).EnsureSuccessStatusCode();
            clients[role] = await SignInAsync(email, StaffPassword);
        }

        return new Clinic(id, admin, clients["clinic-admin"], clients["clinician"], clients["front-desk"]);
    }

    /// <summary>The clinic's staff signed in afresh: sign-ins last 8 hours, so a test that moves the clock further needs new ones.</summary>
    public async Task<Clinic> SignInAgainAsync(Clinic clinic)
    {
        async Task<HttpClient> Staff(string role) => await SignInAsync($"{role}.{clinic.Id:n}@stratum.test", StaffPassword);
        return new Clinic(clinic.Id, await SignInAsync(AdminEmail, AdminPassword), await Staff("clinic-admin"), await Staff("clinician"), await Staff("front-desk"));
    }

    /// <summary>Runs SQL straight on the database, past the server: what someone with database access could do.</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(Cancel);
        }
        else
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(Cancel);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Cancel);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgresName is not null && _ownsDatabase)
        {
            await DropPostgresDatabaseAsync(_postgresAdmin!, _postgresName);
        }

        _directory.Delete(recursive: true);
    }
}

public sealed record Clinic(Guid Id, HttpClient Admin, HttpClient ClinicAdmin, HttpClient Clinician, HttpClient FrontDesk);

internal static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ClinicServer.Cancel);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ClinicServer.Cancel);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(ClinicServer.Cancel))!;

    /// <summary>
    /// Signs in through the <c>/login</c> page as a browser would (antiforgery token and all), on a client that does not
    /// follow redirects; answers the two responses' Set-Cookie headers and the "Cookie" header to send afterwards.
    /// </summary>
    public static async Task<(List<string> SetCookies, string CookieHeader)> SignInWithFormAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetAsync("/login", ClinicServer.Cancel);
        var setCookies = new List<string>(form.Headers.GetValues("Set-Cookie"));
        var html = await form.Content.ReadAsStringAsync(ClinicServer.Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
                ["Form.Email"] = email, ["Form.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", CookieHeader(setCookies));
        var signIn = await client.SendAsync(post, ClinicServer.Cancel);
        signIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, "signed in and sent on to the patients");
        setCookies.AddRange(signIn.Headers.GetValues("Set-Cookie"));
        return (setCookies, CookieHeader(setCookies));
    }

    private static string CookieHeader(IEnumerable<string> setCookies) => string.Join("; ", setCookies.Select(c => c.Split(';')[0]));
}
