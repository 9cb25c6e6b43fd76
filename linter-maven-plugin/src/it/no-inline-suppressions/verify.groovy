def log = new File(basedir, 'build.log').text
// -Dchartlint.noInlineSuppressions=true: the comment and the annotation hide nothing.
assert log.contains("[ERROR] src/main/k8s/web.yaml:20:13: [cpu-request-missing] container 'app' has no cpu request")
assert log.contains("[ERROR] src/main/k8s/web.yaml:20:13: [memory-request-missing] container 'app' has no memory request")
assert log.contains("chartlint: ignored by policy: comment at line 19 (bursts at start-up only): # chartlint:ignore comments are turned off by noInlineSuppressions, reported: src/main/k8s/web.yaml:20:13: [cpu-request-missing]")
assert log.contains("chartlint: ignored by policy: annotation on Deployment/web (measured in production): chartlint.io/ignore annotations are turned off by noInlineSuppressions, reported: src/main/k8s/web.yaml:20:13: [memory-request-missing]")
// the config's exclude still applies, to the container it names only
assert !log.contains("container 'istio-proxy'")
assert log.contains('chartlint: 2 errors, 0 warnings, 0 info, 2 suppressed, 2 ignored by policy in 1 file (1 object)')
