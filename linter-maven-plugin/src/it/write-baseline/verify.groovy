def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, '.chartlint-baseline.json'))
assert baseline.findings*.ruleId.containsAll(['cpu-request-missing', 'memory-request-missing'])
assert baseline.findings.every { it.file == 'src/main/k8s/web.yaml' }

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects/)
def first = builds[-2]
def second = builds[-1]
// Recording: the findings do not fail the build and are not Maven errors.
assert first.contains('BUILD SUCCESS')
assert !first.contains('[ERROR]')
assert first.contains('chartlint: recorded 2 findings in ')
// Against the baseline: every finding is hidden; formats=none writes no report.
assert second.contains('BUILD SUCCESS')
assert second.contains('chartlint: 0 errors, 0 warnings, 0 info, 2 suppressed')
assert !second.contains('report written to')
