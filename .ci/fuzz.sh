# Sourced by ./reelforge: `./reelforge fuzz [--duration PT5M] [target]` fuzzes one target (all five in turn
# when none is named) for the duration with Jazzer (coverage-guided, libFuzzer inside the jazzer jar from Maven
# Central). A finding is written as crash-<sha1> (or timeout-/slow-unit-) into the target's Inputs directory
# under src/test/resources, where `mvn verify` runs it as a regression test from then on; the corpus the fuzzer
# grows is kept in <module>/.cifuzz-corpus (ignored by git) and picked up again by the next run.

reelforge_fuzz_usage() {
  cat >&2 <<'USAGE'
usage: reelforge fuzz [--duration ISO-8601, default PT5M] [target]
targets: merge    merge fields (placeholder scanner, size bound)          functions/core
         edit     edit validation, merge, reading, callback of a submit   functions/core
         url      source and callback URL reading                         functions/core
         request  the Shotstack face's API Gateway request reading         functions/faces/shotstack
         token    the IBM face's token endpoints' request reading          functions/faces/ibm
without a target, each is fuzzed in turn for the duration
USAGE
}

# PT1H30M, PT5M, PT90S, P1D: whole seconds.
reelforge_duration_seconds() {
  local iso=$1 days=0 hours=0 minutes=0 seconds=0
  if [[ ! $iso =~ ^P(([0-9]+)D)?(T(([0-9]+)H)?(([0-9]+)M)?(([0-9]+)S)?)?$ ]] || [ "$iso" = P ] || [ "$iso" = PT ]; then
    return 1
  fi
  days=${BASH_REMATCH[2]:-0} hours=${BASH_REMATCH[5]:-0} minutes=${BASH_REMATCH[7]:-0} seconds=${BASH_REMATCH[9]:-0}
  echo $(( 10#$days * 86400 + 10#$hours * 3600 + 10#$minutes * 60 + 10#$seconds ))
}

reelforge_fuzz_target() {
  case $1 in
    merge) echo "functions/core dev.reelforge.core.edit.MergeFieldsFuzzTest" ;;
    edit) echo "functions/core dev.reelforge.core.edit.EditValidatorFuzzTest" ;;
    url) echo "functions/core dev.reelforge.core.url.FetchableUrlFuzzTest" ;;
    request) echo "functions/faces/shotstack dev.reelforge.shotstack.ApiRequestFuzzTest" ;;
    token) echo "functions/faces/ibm dev.reelforge.ibm.auth.TokenRequestFuzzTest" ;;
    *) return 1 ;;
  esac
}

reelforge_fuzz() {
  local duration=PT5M targets=() seconds target module class status=0
  while [ $# -gt 0 ]; do
    case $1 in
      --duration) duration=${2:-}; shift 2 || { reelforge_fuzz_usage; return 2; } ;;
      -h|--help) reelforge_fuzz_usage; return 0 ;;
      *) reelforge_fuzz_target "$1" >/dev/null || { reelforge_fuzz_usage; return 2; }; targets+=("$1"); shift ;;
    esac
  done
  if ! seconds=$(reelforge_duration_seconds "$duration") || [ "$seconds" -lt 1 ]; then
    echo "reelforge fuzz: --duration takes an ISO-8601 duration such as PT5M, not '$duration'" >&2
    return 2
  fi
  [ ${#targets[@]} -gt 0 ] || targets=(merge edit url request token)
  for target in "${targets[@]}"; do
    read -r module class <<<"$(reelforge_fuzz_target "$target")"
    echo "fuzzing $target ($class) for $duration..." >&2
    # jazzer.internal.arg.*: libFuzzer's arguments (the first is its program name); a later -max_total_time
    # overrides the one Jazzer derives from @FuzzTest. -timeout: an input running 30 s is a finding (a hang).
    # JDK 25 class files are newer than Jazzer 0.24's bytecode library: its hooks into the JDK's regex and
    # process classes cannot be applied there (the build's classes, release 21, are instrumented all the same).
    local disabled=()
    if [ "$(reelforge_java_major "$JAVA_HOME")" -ge 25 ]; then
      disabled=(-Djazzer.disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexRoadblocks:com.code_intelligence.jazzer.sanitizers.RegexInjection:com.code_intelligence.jazzer.sanitizers.OsCommandInjection)
    fi
    if ! JAZZER_FUZZ=1 mvn -B -q -pl "$module" -am test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.hooks=true '-Djazzer.instrument=dev.reelforge.**,com.fasterxml.jackson.**' "${disabled[@]}" \
        -Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-max_total_time=$seconds" \
        -Djazzer.internal.arg.2=-timeout=30; then
      echo "reelforge fuzz: $target found a failing input; it is in $module/src/test/resources/$(echo "${class%.*}" | tr . /)/${class##*.}Inputs/ and fails 'mvn verify' until fixed" >&2
      status=1
    fi
  done
  return $status
}
