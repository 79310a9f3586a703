using System.Text;

namespace Stratum.Cli.Commands;

/// <summary>
/// Reads lines of at most <paramref name="maxLength"/> characters; a longer line is skipped without being held in
/// memory and reported with a null text, so a batch of any size runs in constant memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private int _number;

    public readonly record struct Line(int Number, string? Text);

    public Line? Next()
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    return any ? Finish(tooLong) : null;
                }
            }

            any = true;
            var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
            var end = newline < 0 ? _length : newline;
            if (!tooLong)
            {
                _line.Append(_buffer, _position, end - _position);
                tooLong = _line.Length > maxLength;
                if (tooLong)
                {
                    _line.Clear();
                }
            }

            _position = newline < 0 ? _length : newline + 1;
            if (newline >= 0)
            {
                return Finish(tooLong);
            }
        }
    }

    private Line Finish(bool tooLong)
    {
        _number++;
        if (tooLong)
        {
            return new Line(_number, null);
        }

        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        return new Line(_number, _line.ToString());
    }
}
