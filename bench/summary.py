#!/usr/bin/env python3
"""The one table of a benchmark session: every goal of issue 6 and every ratio (stdlib only).

  bench/summary.py OUT_DIR

Reads the machine-readable lines the benchmarks left in OUT_DIR's *.txt files (any depth):
RESULT and PROBES (../shared/bench/run.sh), CEILING (warroom_ceilings), STATS
(warroom_stats_bench), STARTUP and IDLE (bench/startup.py), LOAD (the load average when each
run began), and the review bench's `markdown median … ms` lines. Several rounds of a figure
are folded into their median. Prints a Markdown table; a part that did not run shows `-`.
"""
import glob
import os
import re
import statistics
import sys

PEERS = ('bolt-js', 'flask-sqlite')
CEILING = 'httplib-empty'


def fields(line):
    return dict(kv.split('=', 1) for kv in line.split()[1:] if '=' in kv)


def number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def read(out_dir):
    lines = []
    for path in sorted(glob.glob(os.path.join(out_dir, '**', '*.txt'), recursive=True)):
        with open(path, encoding='utf-8', errors='replace') as f:
            lines += [l.rstrip('\n') for l in f]
    return lines


class Session:
    def __init__(self, lines):
        self.results = [fields(l) for l in lines if l.startswith('RESULT ')]
        self.probes = sorted({l for l in lines if l.startswith('PROBES ')})
        self.ceilings = [fields(l) for l in lines if l.startswith('CEILING ')]
        self.stats = [fields(l) for l in lines if l.startswith('STATS ')]
        self.startup = [fields(l) for l in lines if l.startswith('STARTUP ')]
        self.idle = [fields(l) for l in lines if l.startswith('IDLE ')]
        self.loads = [l.split()[-3:] for l in lines if l.startswith('LOAD ')]
        self.review = {}
        for l in lines:
            m = re.match(r'^(markdown|html)\s+median\s+([0-9.]+) ms', l)
            if m:
                self.review.setdefault(m.group(1), []).append(float(m.group(2)))

    def slash(self, target, run, name, pick=median):
        return pick([number(r.get(name)) for r in self.results
                     if r.get('target') == target and r.get('run') == run])

    def checks(self, target):
        return sorted({r.get('check', '?') for r in self.results if r.get('target') == target})


def fmt(value, unit='', digits=1):
    if value is None:
        return '-'
    return '{:,.{}f}{}'.format(value, digits, unit)


def ratio(a, b, digits=2):
    if a is None or not b:
        return None
    return a / b


def verdict(value, goal, lower_is_better=False):
    if value is None:
        return '-'
    ok = value < goal if lower_is_better else value >= goal
    return 'yes' if ok else '**no**'


def slash_rows(s):
    rows = []
    rps = s.slash('warroom', 'load', 'rps')
    peer_rps = {p: s.slash(p, 'load', 'rps') for p in PEERS}
    goals = {'bolt-js': 6.0, 'flask-sqlite': 10.0}
    for peer in PEERS:
        r = ratio(rps, peer_rps[peer])
        rows.append(('req/s ÷ %s, 16 connections' % peer,
                     '%s ÷ %s = %s' % (fmt(rps, digits=0), fmt(peer_rps[peer], digits=0),
                                       fmt(r, '×', 2)),
                     '≥ %g×' % goals[peer], verdict(r, goals[peer])))
    p99 = s.slash('warroom', 'load', 'p99_ms')
    rows.append(('p99 at 16 connections (p50, max)',
                 '%s ms (%s, %s)' % (fmt(p99, digits=2), fmt(s.slash('warroom', 'load', 'p50_ms'), digits=2),
                                     fmt(s.slash('warroom', 'load', 'max_ms'), digits=1)),
                 '< 5 ms', verdict(p99, 5.0, True)))
    rows.append(('p99 at 2 connections, paced (p50, max)',
                 '%s ms (%s, %s)' % (fmt(s.slash('warroom', 'paced', 'p99_ms'), digits=2),
                                     fmt(s.slash('warroom', 'paced', 'p50_ms'), digits=2),
                                     fmt(s.slash('warroom', 'paced', 'max_ms'), digits=1)),
                 '-', '-'))
    peak = s.slash('warroom', 'load', 'rss_peak_mib', max)
    rows.append(('peak RSS under load (highest round)', fmt(peak, ' MiB'), '< 30 MiB',
                 verdict(peak, 30.0, True)))
    cpu = s.slash('warroom', 'load', 'cpu_ms_per_req')
    rows.append(('server CPU per request, 16 connections',
                 '%s ms (bolt-js %s, flask-sqlite %s, %s)' % (
                     fmt(cpu, digits=3), fmt(s.slash('bolt-js', 'load', 'cpu_ms_per_req'), digits=3),
                     fmt(s.slash('flask-sqlite', 'load', 'cpu_ms_per_req'), digits=3),
                     CEILING + ' ' + fmt(s.slash(CEILING, 'load', 'cpu_ms_per_req'), digits=3)),
                 '-', '-'))
    rows.append(('acknowledged updates all stored', ', '.join(s.checks('warroom')) or '-', 'ok',
                 'yes' if s.checks('warroom') == ['ok'] else ('-' if not s.checks('warroom') else '**no**')))
    ceiling_rps = s.slash(CEILING, 'load', 'rps')
    share = ratio(rps, ceiling_rps)
    rows.append(('ceiling: cpp-httplib, empty handler, req/s (warroom reaches)',
                 '%s (%s)' % (fmt(ceiling_rps, digits=0), fmt(share and 100 * share, ' %', 0)),
                 '-', '-'))
    commits = median([number(c.get('commits_per_s')) for c in s.ceilings
                      if c.get('target') == 'sqlite-commit'])
    rows.append(('ceiling: single-row SQLite commits/s, synchronous=FULL (warroom req/s ÷ it)',
                 '%s (%s)' % (fmt(commits, digits=0), fmt(ratio(rps, commits), '×', 2)), '-', '-'))
    return rows


def other_rows(s):
    rows = []
    md = median(s.review.get('markdown', []))
    rows.append(('review of 10,000 events: Markdown (HTML)',
                 '%s ms (%s ms)' % (fmt(md, digits=1), fmt(median(s.review.get('html', [])), digits=1)),
                 '< 50 ms', verdict(md, 50.0, True)))
    if s.stats:
        st = s.stats[-1]
        rows.append(('stats over %s incidents, %s events: collect_stats (warroom stats --since 3650d)' % (
            st.get('incidents', '?'), st.get('events', '?')),
            '%s ms (%s ms)' % (st.get('collect_median_ms', '-'), st.get('cli_median_ms', '-')), '-', '-'))
    else:
        rows.append(('stats over 10,000 incidents', '-', '-', '-'))
    if s.startup:
        su = s.startup[-1]
        rows.append(('start-up until /healthz answers: fresh database (restart), median of %s' % su.get('runs', '?'),
                     '%s ms (%s ms)' % (su.get('fresh_median_ms', '-'), su.get('restart_median_ms', '-')), '-', '-'))
    else:
        rows.append(('start-up until /healthz answers', '-', '-', '-'))
    if s.idle:
        idle = s.idle[-1]
        rows.append(('RSS at idle: after start (after %ss of load at 16 connections)' % idle.get('load_secs', '?'),
                     '%s MiB (%s MiB)' % (idle.get('rss_after_start_mib', '-'), idle.get('rss_after_load_mib', '-')),
                     '-', '-'))
    else:
        rows.append(('RSS at idle', '-', '-', '-'))
    idle_peers = ', '.join('%s %s' % (t, fmt(s.slash(t, 'load', 'rss_idle_mib'), ' MiB'))
                           for t in ('warroom',) + PEERS)
    rows.append(('RSS at idle after setup, as run.sh reads it', idle_peers, '-', '-'))
    return rows


def main(argv):
    if len(argv) != 2:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    s = Session(read(argv[1]))
    rounds = max([len([r for r in s.results if r.get('target') == 'warroom' and r.get('run') == 'load'])] + [0])
    loads = ' '.join('/'.join(l) for l in s.loads) or '-'
    print('## warroom benchmarks, one session: %d slash-command round(s), %d cores' % (rounds, os.cpu_count()))
    print()
    print('| figure | measured | goal | met |')
    print('|---|---|---|---|')
    for row in slash_rows(s) + other_rows(s):
        print('| ' + ' | '.join(row) + ' |')
    print()
    print('Load average (1, 5, 15 min) when each slash-command run began: %s' % loads)
    for p in s.probes:
        if 'target=%s ' % CEILING not in p:
            print(p)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
