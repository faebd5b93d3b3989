# A WebSocket echo service for tests, in core Perl (praxis/workstation has perl, not python or node).
# GET /anything serves a page whose script opens a WebSocket to ./socket, sends "hello 42" and prints each
# answer; a WebSocket on any path answers each text message with "echo: <message>"; GET .../events is an endless
# stream of server-sent events ("tick 1", "tick 2", … every 200 ms). Usage: perl ws-echo-server.pl PORT
use strict;
use warnings;
use IO::Socket::INET;
use Digest::SHA qw(sha1_base64);

$SIG{CHLD} = 'IGNORE';
my $port = shift // 8080;
my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 16, ReuseAddr => 1) or die "listen on $port: $!";
my $page = <<'HTML';
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Echo</title></head><body>
<h1>WebSocket echo</h1><pre id="log"></pre>
<script>
const log = document.getElementById("log");
const ws = new WebSocket(location.href.replace(/^http/, "ws").replace(/[^/]*$/, "") + "socket");
ws.onopen = () => ws.send("hello " + 6 * 7);
ws.onmessage = (e) => { log.textContent += e.data + "\n"; };
ws.onerror = () => { log.textContent += "websocket error\n"; };
</script></body></html>
HTML

while (my $c = $server->accept) {
  if (fork) { close $c; next }
  binmode $c;
  $c->autoflush(1);
  my $request = <$c> // exit 0;
  my %h;
  while (my $l = <$c>) {
    $l =~ s/\r?\n$//;
    last if $l eq '';
    my ($k, $v) = split /:\s*/, $l, 2;
    $h{lc $k} = $v;
  }
  if ($request =~ m{^GET \S*/events[ ?]}) {
    print $c "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
    for (my $n = 1; print $c "data: tick $n\n\n"; $n++) { select(undef, undef, undef, 0.2) }
    exit 0;
  }
  if (lc($h{upgrade} // '') ne 'websocket') {
    print $c "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " . length($page) . "\r\nConnection: close\r\n\r\n$page";
    exit 0;
  }
  my $accept = sha1_base64(($h{'sec-websocket-key'} // '') . '258EAFA5-E914-47DA-95CA-C5AB0DC85B11') . '=';
  print $c "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: $accept\r\n\r\n";
  while (1) {
    read($c, my $hd, 2) == 2 or last;
    my ($b0, $b1) = unpack 'C2', $hd;
    my ($op, $len, $mask) = ($b0 & 15, $b1 & 127, '');
    if ($len == 126) { read($c, my $x, 2); $len = unpack 'n', $x }
    elsif ($len == 127) { read($c, my $x, 8); $len = unpack 'Q>', $x }
    read($c, $mask, 4) if $b1 & 128;
    my $data = '';
    read($c, $data, $len) if $len;
    if ($b1 & 128) { my @m = unpack 'C4', $mask; my @d = unpack 'C*', $data; $d[$_] ^= $m[$_ % 4] for 0 .. $#d; $data = pack 'C*', @d }
    if ($op == 8) { print $c pack('CC', 0x88, 0); last }
    next unless $op == 1;
    my $out = "echo: $data";
    my $n = length $out;
    print $c pack('C', 0x81) . ($n < 126 ? pack('C', $n) : $n < 65536 ? pack('Cn', 126, $n) : pack('CQ>', 127, $n)) . $out;
  }
  exit 0;
}
