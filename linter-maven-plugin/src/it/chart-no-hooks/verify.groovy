def log = new File(basedir, 'build.log').text
// noHooks leaves the pre-install Job out, as helm template --no-hooks does; the Deployment is clean.
assert log.contains('BUILD SUCCESS')
assert !log.contains('migrate.yaml')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings.size() == 0
