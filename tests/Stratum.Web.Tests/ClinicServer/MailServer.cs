using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Stratum.Web.Tests.ClinicServer;

/// <summary>
/// A real SMTP server (cosullivan/SmtpServer) on a free loopback port, in the test process: it keeps every mail it
/// accepts, and can be told to refuse the next few with a temporary failure, as a busy mail server would.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<MimeMessage> _inbox = Channel.CreateUnbounded<MimeMessage>();
    private readonly Task _running;
    private int _refuse;

    public MailServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("mail.stratum.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every mail accepted so far.</summary>
    public List<MimeMessage> Received { get; } = [];

    /// <summary>The host settings that send mail here.</summary>
    public Dictionary<string, string> Settings(string from = "clinic@stratum.test") => new()
    {
        ["Stratum:Smtp:Host"] = "127.0.0.1",
        ["Stratum:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Stratum:Smtp:From"] = from,
        ["Stratum:Messages:PollSeconds"] = "60",
        ["Stratum:Messages:SiteUrl"] = "https://clinic.stratum.test",
    };

    /// <summary>The next <paramref name="count"/> mails are refused with 451 (try again later).</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>The next mail to arrive, waiting at most <paramref name="seconds"/> seconds.</summary>
    public async Task<MimeMessage> NextAsync(int seconds = 20)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _inbox.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no mail arrived within {seconds} s ({Received.Count} received so far)");
        }
    }

    /// <summary>Whether another mail arrives within <paramref name="seconds"/> seconds.</summary>
    public async Task<bool> AnyMoreAsync(int seconds = 3)
    {
        try
        {
            await NextAsync(seconds);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(MailServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server._refuse) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "mailbox busy, try again later");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (server.Received)
            {
                server.Received.Add(message);
            }

            await server._inbox.Writer.WriteAsync(message, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
