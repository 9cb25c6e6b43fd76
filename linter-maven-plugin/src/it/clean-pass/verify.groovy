def log = new File(basedir, 'build.log').text
assert log.contains('chartlint: 0 errors, 0 warnings, 0 info, 0 suppressed in 1 file (1 object)')
assert !log.contains('[ERROR]')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings.isEmpty()
assert report.summary.objects == 1
