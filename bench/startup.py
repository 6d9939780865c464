#!/usr/bin/env python3
"""Start-up time and memory at idle of `warroom serve` (stdlib only; bench/README.md).

  bench/startup.py --warroom build/warroom [--runs 20] [--shared ../shared] [--work-dir DIR]

Start-up: `warroom serve` on a free loopback port, timed from spawn until GET /healthz answers
200 (polled about every millisecond); median, min and max over --runs starts, first on a fresh
database each time (the start creates and migrates the file), then on one existing database (a
restart). Memory at idle: the server's RSS (VmRSS) 1 s after it answered; then 50 incidents are
declared and the shared harness's load runs against it (wrk -t2 -c16 for --load-secs with
signed `/incident update` requests from ../shared/bench), and the RSS is read again once its
connections have closed (the keep-alive timeout is 2 s). Prints one STARTUP and one IDLE line.
"""
import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SECRET = 'bench-secret-not-a-real-one'


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def healthy(port):
    try:
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=1)
        conn.request('GET', '/healthz')
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def rss_mib(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1]) / 1024
    return float('nan')


class Server:
    """`warroom serve` on a free port; stops with SIGTERM (then SIGKILL) when done."""

    def __init__(self, warroom, database, log):
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(('WARROOM_', 'SLACK_'))}
        env['SLACK_SIGNING_SECRET'] = SECRET
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [warroom, 'serve', '--port', str(self.port), '--db', database], env=env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=log)

    def wait_healthy(self, timeout=30):
        deadline = self.started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('warroom serve exited with %d' % self.process.returncode)
            if healthy(self.port):
                return (time.perf_counter() - self.started) * 1000
            time.sleep(0.001)
        raise RuntimeError('warroom serve did not answer /healthz within %d s' % timeout)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def time_starts(warroom, work, runs, fresh, log):
    times = []
    for run in range(runs):
        database = os.path.join(work, 'fresh-%d.db' % run if fresh else 'restart.db')
        server = Server(warroom, database, log)
        try:
            times.append(server.wait_healthy())
        finally:
            server.stop()
    return times


def post(port, line):
    _, ts, sig, body = line.rstrip('\n').split('\t', 3)
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
    conn.request('POST', '/slack/commands', body.encode(), {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Slack-Request-Timestamp': ts, 'X-Slack-Signature': sig})
    status = conn.getresponse().status
    conn.close()
    return status


def idle_memory(warroom, work, shared, load_secs, log):
    """RSS after start, and after the load once idle again; also the load run's figures."""
    server = Server(warroom, os.path.join(work, 'idle.db'), log)
    try:
        server.wait_healthy()
        time.sleep(1)
        after_start = rss_mib(server.process.pid)
        updates, setup = os.path.join(work, 'updates.tsv'), os.path.join(work, 'setup.tsv')
        subprocess.run([sys.executable, os.path.join(shared, 'bench', 'gen_requests.py'),
                        '--secret', SECRET, '--count', '30000', '--channels', '50',
                        '--out', updates, '--setup', setup], check=True)
        with open(setup) as f:
            if any(post(server.port, line) != 200 for line in f):
                raise RuntimeError('a declare request failed')
        url = 'http://127.0.0.1:%d/slack/commands' % server.port
        wrk = subprocess.run(['wrk', '-t2', '-c16', '-d%ds' % load_secs, '--timeout', '5s',
                              '-s', os.path.join(shared, 'bench', 'slash.lua'), url, '--',
                              updates, '2'], check=True, capture_output=True, text=True)
        result = next((l for l in wrk.stdout.splitlines() if l.startswith('SLASH_RESULT')), '')
        rps = next((kv.split('=')[1] for kv in result.split() if kv.startswith('rps=')), '?')
        peak_after_load = rss_mib(server.process.pid)
        time.sleep(3)
        after_load = rss_mib(server.process.pid)
        return after_start, peak_after_load, after_load, rps
    finally:
        server.stop()


def summary(times):
    return 'median_ms=%.1f min_ms=%.1f max_ms=%.1f' % (statistics.median(times), min(times),
                                                        max(times))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--warroom', required=True, help='the warroom binary')
    ap.add_argument('--runs', type=int, default=20, help='starts per case (default 20)')
    ap.add_argument('--load-secs', type=int, default=10, help='seconds of load (default 10)')
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '..', '..',
                                                     'shared'),
                    help='the folder holding bench/ (the harness); default ../shared')
    ap.add_argument('--work-dir', default=tempfile.gettempdir(),
                    help='where the databases go (default: the temp folder); a real disk')
    a = ap.parse_args(argv)
    warroom = os.path.abspath(a.warroom)
    work = tempfile.mkdtemp(prefix='warroom-startup.', dir=a.work_dir)
    try:
        with open(os.path.join(work, 'server.log'), 'w') as log:
            fresh = time_starts(warroom, work, a.runs, True, log)
            restart = time_starts(warroom, work, a.runs, False, log)
            after_start, peak, after_load, rps = idle_memory(warroom, work, a.shared,
                                                             a.load_secs, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('STARTUP runs=%d fresh_%s restart_%s' % (a.runs, summary(fresh).replace(' ', ' fresh_'),
                                                   summary(restart).replace(' ', ' restart_')))
    print('IDLE rss_after_start_mib=%.1f rss_at_end_of_load_mib=%.1f rss_after_load_mib=%.1f '
          'load_secs=%d load_rps=%s' % (after_start, peak, after_load, a.load_secs, rps))
    return 0


if __name__ == '__main__':
    sys.exit(main())
