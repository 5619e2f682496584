/* Emulate a smaller x86 CPU for benchmarks: loaded with LD_PRELOAD, it turns on CPUID faulting
 * (arch_prctl ARCH_SET_CPUID, Linux on CPUs with the "cpuid_fault" flag) and answers each CPUID
 * from a SIGSEGV handler with the instruction sets above CPUID_MASK_ISA cleared. Every library
 * that dispatches on CPUID (ONNX Runtime's MLAS, oneDNN in torch and OpenVINO, numpy, faiss)
 * then runs the kernels it would run on that CPU. ONEDNN_MAX_CPU_ISA caps oneDNN alone, not ONNX
 * Runtime. Levels: AVX2 (no AVX-512, AVX-VNNI, AMX or bfloat16) and AVX512_CORE_VNNI (no bfloat16,
 * FP16 or AMX). A SIGSEGV handler installed later (Python's faulthandler, as under pytest) would
 * take over from this one, so benchmarks run without it. glibc's own string functions, chosen
 * before this library loads, keep the CPU's. Build: gcc -O2 -shared -fPIC -o cpuid_mask.so
 * cpuid_mask.c (benchmarks/common.py does it). */
#define _GNU_SOURCE
#include <cpuid.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#define ARCH_SET_CPUID 0x1012
#define BIT(n) (1u << (n))

static int avx2_only;  /* else AVX512_CORE_VNNI */

static void mask(unsigned leaf, unsigned sub, unsigned *a, unsigned *b, unsigned *c, unsigned *d) {
    if (leaf == 7 && sub == 0) {
        *d &= ~(BIT(22) | BIT(23) | BIT(24) | BIT(25));  /* AMX-BF16, AVX512-FP16, AMX-TILE, AMX-INT8 */
        if (avx2_only) {
            /* AVX512 F, DQ, IFMA, PF, ER, CD, BW, VL; VBMI, VBMI2, VNNI, BITALG, VPOPCNTDQ; 4VNNIW, 4FMAPS, VP2INTERSECT */
            *b &= ~(BIT(16) | BIT(17) | BIT(21) | BIT(26) | BIT(27) | BIT(28) | BIT(30) | BIT(31));
            *c &= ~(BIT(1) | BIT(6) | BIT(11) | BIT(12) | BIT(14));
            *d &= ~(BIT(2) | BIT(3) | BIT(8));
        }
    } else if (leaf == 7 && sub == 1) {
        *a &= ~(BIT(5) | BIT(23));  /* AVX512-BF16, AVX-IFMA */
        *d &= ~(BIT(4) | BIT(5) | BIT(10));  /* AVX-VNNI-INT8, AVX-NE-CONVERT, AVX-VNNI-INT16 */
        if (avx2_only)
            *a &= ~BIT(4);  /* AVX-VNNI */
    } else if (leaf == 0xD && sub == 0) {
        *a &= ~(BIT(17) | BIT(18));  /* AMX tile state */
        if (avx2_only)
            *a &= ~(BIT(5) | BIT(6) | BIT(7));  /* AVX-512 opmask and ZMM state */
    }
}

static void on_segv(int sig, siginfo_t *info, void *context) {
    greg_t *r = ((ucontext_t *)context)->uc_mcontext.gregs;
    const unsigned char *ip = (const unsigned char *)r[REG_RIP];
    (void)sig;
    /* a faulting CPUID is a general protection fault (SI_KERNEL); a bad address (SEGV_MAPERR,
     * SEGV_ACCERR) is a real fault: let it crash as it would have, without reading the address */
    if (info->si_code != SI_KERNEL || ip[0] != 0x0F || ip[1] != 0xA2) {
        signal(SIGSEGV, SIG_DFL);
        return;
    }
    int saved = errno;
    unsigned leaf = (unsigned)r[REG_RAX], sub = (unsigned)r[REG_RCX], a, b, c, d;
    syscall(SYS_arch_prctl, ARCH_SET_CPUID, 1);
    __cpuid_count(leaf, sub, a, b, c, d);
    syscall(SYS_arch_prctl, ARCH_SET_CPUID, 0);
    mask(leaf, sub, &a, &b, &c, &d);
    r[REG_RAX] = a, r[REG_RBX] = b, r[REG_RCX] = c, r[REG_RDX] = d;
    r[REG_RIP] += 2;
    errno = saved;
}

__attribute__((constructor)) static void start(void) {
    const char *isa = getenv("CPUID_MASK_ISA");
    avx2_only = !isa || strcmp(isa, "AVX512_CORE_VNNI") != 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, 0);
    if (syscall(SYS_arch_prctl, ARCH_SET_CPUID, 0) != 0) {  /* inherited by every thread made after this */
        static const char why[] = "cpuid_mask: this kernel or CPU cannot fault on CPUID; nothing is emulated\n";
        write(2, why, sizeof why - 1);
        abort();
    }
}
