def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// Nothing fails the build, so nothing is logged as an error.
assert !log.contains('[ERROR]')
assert log.contains("[WARNING] src/main/k8s/web.yaml:")
assert log.contains("[cpu-request-missing] container 'web' has no cpu request")
// showFixes: the fix follows its finding.
assert log.contains('[INFO]   fix: ')
assert log.contains('chartlint: json report written to ')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings*.ruleId.contains('cpu-request-missing')
assert report.findings[0].location.file == 'src/main/k8s/web.yaml'
