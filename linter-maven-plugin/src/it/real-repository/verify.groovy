// A project as teams keep them: findings only in the Kubernetes files.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/k8s/agent.yaml:')
assert log.contains('[memory-request-missing]')
assert log =~ /chartlint: \d+ findings? reach(es)? failOn=error/
// Spring, Renovate and docker-compose files among the manifests are skipped, not reported
assert !log.contains('application.yml:')
assert !log.contains('renovate.json:')
assert !log.contains('docker-compose.yml:')
// the ignore pattern leaves the vendored directory out
assert !log.contains('broken.yaml')
assert log.contains('3 files skipped: not Kubernetes')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/chartlint/chartlint.json'))
assert report.findings.every { it.location.file.startsWith('src/main/k8s/agent.yaml') || it.location.file.startsWith('src/main/helm/web') }
assert report.summary.skipped == 3
