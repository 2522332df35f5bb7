//! What a no_std static library needs from its host: memory from the C library's allocator (picolibc
//! on bare metal, glibc on Linux) and `abort` on a panic, which the standard's termination semantics
//! turn into a failed run.
use core::alloc::{GlobalAlloc, Layout};

extern "C" {
    fn malloc(size: usize) -> *mut u8;
    fn free(ptr: *mut u8);
    fn aligned_alloc(alignment: usize, size: usize) -> *mut u8;
    fn abort() -> !;
}

struct CAllocator;

unsafe impl GlobalAlloc for CAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= 16 {
            malloc(layout.size())
        } else {
            aligned_alloc(layout.align(), layout.size().next_multiple_of(layout.align()))
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        free(ptr)
    }
}

#[global_allocator]
static ALLOCATOR: CAllocator = CAllocator;

#[panic_handler]
fn panic(_info: &core::panic::PanicInfo) -> ! {
    unsafe { abort() }
}

