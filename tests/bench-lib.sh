# Shared by the benchmark scripts (sourced, not run).

# copies DIR N: N sources in DIR, cycling through the examples.
copies() {
	mkdir -p "$1"
	i=0
	while [ "$i" -lt "$2" ]; do
		for src in examples/*.yaml; do
			[ "$i" -lt "$2" ] || break
			cp "$src" "$1/r$i.yaml"
			i=$((i + 1))
		done
	done
}
